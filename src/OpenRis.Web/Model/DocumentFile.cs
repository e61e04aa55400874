namespace OpenRis.Web.Model;

/// <summary>
/// OParl File. Named DocumentFile because <c>File</c> collides with System.IO.File.
/// A file belongs to exactly one paper, meeting or agenda item in the role it plays there;
/// its content lives in the file store under its SHA-512.
/// </summary>
public sealed class DocumentFile : BodyObject
{
    public string Name { get; set; } = "";
    public string FileName { get; set; } = "";
    public string MimeType { get; set; } = "application/pdf";
    public DateOnly? Date { get; set; }
    public long Size { get; set; }
    public string? Sha1Checksum { get; set; }
    public string Sha512Checksum { get; set; } = "";

    /// <summary>Plain-text rendition for accessibility and full-text search.</summary>
    public string? Text { get; set; }

    public string? ExternalServiceUrl { get; set; }
    public string? FileLicense { get; set; }

    public long? MasterFileId { get; set; }
    public DocumentFile? MasterFile { get; set; }
    public List<DocumentFile> DerivativeFiles { get; set; } = [];

    public bool Public { get; set; } = true;

    public FileRole Role { get; set; } = FileRole.Auxiliary;

    public long? PaperId { get; set; }
    public Paper? Paper { get; set; }
    public long? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public long? AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
}

/// <summary>Which OParl property of its parent a file fills.</summary>
public enum FileRole
{
    /// <summary>Paper.mainFile</summary>
    Main,

    /// <summary>Paper/Meeting/AgendaItem.auxiliaryFile</summary>
    Auxiliary,

    /// <summary>Meeting.invitation</summary>
    Invitation,

    /// <summary>Meeting.resultsProtocol</summary>
    ResultsProtocol,

    /// <summary>Meeting.verbatimProtocol</summary>
    VerbatimProtocol,

    /// <summary>AgendaItem.resolutionFile</summary>
    Resolution,
}
