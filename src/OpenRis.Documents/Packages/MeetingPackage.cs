namespace OpenRis.Documents.Packages;

/// <summary>
/// All public documents of one meeting, in agenda order, to be handed out as one PDF or one zip.
/// The caller decides what is public; this code only arranges what it is given.
/// </summary>
public sealed record MeetingPackage(string Title, string Subtitle, IReadOnlyList<PackageSection> Sections)
{
    public IEnumerable<PackageDocument> Documents => Sections.SelectMany(s => s.Documents);
}

/// <summary>The meeting's own documents (invitation, minutes) or one agenda item with the files of its paper.</summary>
public sealed record PackageSection(string Title, IReadOnlyList<PackageDocument> Documents);

public sealed record PackageDocument(string Title, string FileName, string MimeType, byte[] Content)
{
    public bool IsPdf => MimeType == "application/pdf";

    public bool IsText => MimeType.StartsWith("text/", StringComparison.Ordinal);
}
