using System.Globalization;
using OpenRis.Web.Model;

namespace OpenRis.Web.OParl;

public sealed partial class OParlRenderer
{
    public byte[] Meeting(Meeting meeting, DateTime modified, ServedModified served) => Write(json =>
    {
        json.Header(Urls.Of(OParlTypes.Meeting, meeting.Id), OParlTypes.Meeting, meeting.Created, modified);
        json.Text("name", meeting.Name);
        json.Writer.WriteString("meetingState", meeting.MeetingState.ToOParl());
        json.Boolean("cancelled", meeting.Cancelled ? true : null);
        json.DateTime("start", meeting.Start);
        json.DateTime("end", meeting.End);
        if (meeting.Location is { Deleted: false } location)
        {
            json.Writer.WritePropertyName("location");
            WriteLocation(json, location, embedded: true, served.Of(OParlTypes.Location, location), null);
        }
        json.Texts("organization", meeting.Organizations.OrderBy(o => o.Position).Select(o => Urls.Of(OParlTypes.Organization, o.OrganizationId)));
        json.Texts("participant", meeting.Participants.Where(p => !p.Deleted).OrderBy(p => p.Id).Select(p => Urls.Of(OParlTypes.Person, p.Id)));
        var files = meeting.Files.Where(OParlVisibility.Of).OrderBy(f => f.Id).ToList();
        SingleFile(json, "invitation", files, FileRole.Invitation, served);
        SingleFile(json, "resultsProtocol", files, FileRole.ResultsProtocol, served);
        SingleFile(json, "verbatimProtocol", files, FileRole.VerbatimProtocol, served);
        Files(json, "auxiliaryFile", files.Where(f => f.Role is FileRole.Auxiliary or FileRole.Main), served);
        var items = meeting.AgendaItems.Where(OParlVisibility.Of).OrderBy(a => a.Order).ThenBy(a => a.Id).ToList();
        if (items.Count > 0 && !OmitInternal)
        {
            json.Writer.WriteStartArray("agendaItem");
            foreach (var item in items)
            {
                WriteAgendaItem(json, item, embedded: true, served.Of(OParlTypes.AgendaItem, item), items.IndexOf(item), served);
            }
            json.Writer.WriteEndArray();
        }
        json.Common(meeting, Urls.Web(string.Create(CultureInfo.InvariantCulture, $"/sitzungen/{meeting.Id}")));
        json.Writer.WriteEndObject();
    });

    /// <summary>An agenda item alone. Its order counts only the items the public sees, so it stays 0-based without gaps.</summary>
    public byte[] AgendaItem(AgendaItem item, DateTime modified, int order, ServedModified served) =>
        Write(json => WriteAgendaItem(json, item, embedded: false, modified, order, served));

    private void WriteAgendaItem(OParlJson json, AgendaItem item, bool embedded, DateTime modified, int order, ServedModified served)
    {
        json.Header(Urls.Of(OParlTypes.AgendaItem, item.Id), OParlTypes.AgendaItem, item.Created, modified);
        if (!embedded)
        {
            json.Writer.WriteString("meeting", Urls.Of(OParlTypes.Meeting, item.MeetingId));
        }
        json.Text("number", item.Number);
        json.Writer.WriteNumber("order", order);
        json.Text("name", item.Name);
        json.Writer.WriteBoolean("public", item.Public);
        if (item.Consultation is { } consultation && OParlVisibility.Of(consultation))
        {
            json.Writer.WriteString("consultation", Urls.Of(OParlTypes.Consultation, consultation.Id));
        }
        json.Text("result", item.Result);
        json.Text("resolutionText", item.ResolutionText);
        WriteVotes(json, item);
        var files = item.Files.Where(f => !f.Deleted && f.Public).OrderBy(f => f.Id).ToList();
        SingleFile(json, "resolutionFile", files, FileRole.Resolution, served);
        Files(json, "auxiliaryFile", files.Where(f => f.Role != FileRole.Resolution), served);
        json.DateTime("start", item.Start);
        json.DateTime("end", item.End);
        json.Common(item, null);
        json.Writer.WriteEndObject();
    }

    public byte[] Paper(Paper paper, DateTime modified, ServedModified served) => Write(json =>
    {
        json.Header(Urls.Of(OParlTypes.Paper, paper.Id), OParlTypes.Paper, paper.Created, modified);
        json.Writer.WriteString("body", Urls.Of(OParlTypes.Body, paper.BodyId));
        json.Text("name", paper.Subject is null ? paper.Name : $"{paper.Name} – hier: {paper.Subject}");
        json.Text("reference", paper.Reference);
        json.Date("date", paper.Date);
        json.Text("paperType", paper.Kind.Name);
        var related = paper.References.Where(r => OParlVisibility.Of(r.ToPaper)).Select(r => r.ToPaperId)
            .Concat(paper.CitedBy.Where(r => OParlVisibility.Of(r.FromPaper)).Select(r => r.FromPaperId))
            .Distinct().Order();
        json.Texts("relatedPaper", related.Select(id => Urls.Of(OParlTypes.Paper, id)));
        if (paper.ParentPaper is { } parent && OParlVisibility.Of(parent))
        {
            json.Texts("superordinatedPaper", [Urls.Of(OParlTypes.Paper, parent.Id)]);
        }
        json.Texts("subordinatedPaper", paper.SubordinatedPapers.Where(OParlVisibility.Of).OrderBy(p => p.Id).Select(p => Urls.Of(OParlTypes.Paper, p.Id)));
        var files = paper.Files.Where(f => !f.Deleted && f.Public).OrderBy(f => f.Id).ToList();
        SingleFile(json, "mainFile", files, FileRole.Main, served);
        Files(json, "auxiliaryFile", files.Where(f => f.Role != FileRole.Main), served);
        var locations = paper.Locations.Where(l => !l.Deleted).OrderBy(l => l.Id).ToList();
        if (locations.Count > 0 && !OmitInternal)
        {
            json.Writer.WriteStartArray("location");
            foreach (var location in locations)
            {
                WriteLocation(json, location, embedded: true, served.Of(OParlTypes.Location, location), null);
            }
            json.Writer.WriteEndArray();
        }
        json.Texts("originatorPerson", paper.OriginatorPersons.Where(p => !p.Deleted).OrderBy(p => p.Id).Select(p => Urls.Of(OParlTypes.Person, p.Id)));
        json.Texts("underDirectionOf", paper.Offices.Where(o => o.Role == OfficeRole.Lead).OrderBy(o => o.Id).Select(o => Urls.Of(OParlTypes.Organization, o.OrganizationId)));
        json.Texts("originatorOrganization", paper.OriginatorOrganizations.Where(o => !o.Deleted).OrderBy(o => o.Id).Select(o => Urls.Of(OParlTypes.Organization, o.Id)));
        var consultations = paper.Consultations.Where(c => !c.Deleted).OrderBy(c => c.Id).ToList();
        if (consultations.Count > 0)
        {
            json.Writer.WriteStartArray("consultation");
            foreach (var consultation in consultations)
            {
                WriteConsultation(json, consultation, embedded: true, served.Of(OParlTypes.Consultation, consultation));
            }
            json.Writer.WriteEndArray();
        }
        json.Common(paper, Urls.Web(string.Create(CultureInfo.InvariantCulture, $"/vorlagen/{paper.Id}")));
        json.Writer.WriteEndObject();
    });

    public byte[] Consultation(Consultation consultation, DateTime modified) =>
        Write(json => WriteConsultation(json, consultation, embedded: false, modified));

    private void WriteConsultation(OParlJson json, Consultation consultation, bool embedded, DateTime modified)
    {
        json.Header(Urls.Of(OParlTypes.Consultation, consultation.Id), OParlTypes.Consultation, consultation.Created, modified);
        if (!embedded)
        {
            json.Writer.WriteString("paper", Urls.Of(OParlTypes.Paper, consultation.PaperId));
        }
        // Links into a closed meeting or a non-public item are left out, not leaked.
        if (consultation.AgendaItem is { } item && OParlVisibility.Of(item))
        {
            json.Writer.WriteString("agendaItem", Urls.Of(OParlTypes.AgendaItem, item.Id));
        }
        if (consultation.Meeting is { } meeting && OParlVisibility.Of(meeting))
        {
            json.Writer.WriteString("meeting", Urls.Of(OParlTypes.Meeting, meeting.Id));
        }
        json.Texts("organization", consultation.Organizations.Where(o => !o.Deleted).Select(o => Urls.Of(OParlTypes.Organization, o.Id)));
        json.Boolean("authoritative", consultation.Authoritative);
        json.Text("role", consultation.Role);
        WriteConsultationResult(json, consultation);
        json.Common(consultation, null);
        json.Writer.WriteEndObject();
    }

    public byte[] File(DocumentFile file, DateTime modified) => Write(json => WriteFile(json, file, embedded: false, modified));

    private void SingleFile(OParlJson json, string property, List<DocumentFile> files, FileRole role, ServedModified served)
    {
        if (files.FirstOrDefault(f => f.Role == role) is { } file)
        {
            json.Writer.WritePropertyName(property);
            WriteFile(json, file, embedded: true, served.Of(OParlTypes.File, file));
        }
    }

    /// <summary>An auxiliaryFile array; omit_internal leaves all of them out.</summary>
    private void Files(OParlJson json, string property, IEnumerable<DocumentFile> files, ServedModified served)
    {
        var list = files.ToList();
        if (list.Count == 0 || OmitInternal)
        {
            return;
        }
        json.Writer.WriteStartArray(property);
        foreach (var file in list)
        {
            WriteFile(json, file, embedded: true, served.Of(OParlTypes.File, file));
        }
        json.Writer.WriteEndArray();
    }

    /// <summary>
    /// The extracted text is written on the standalone File (and in the file list) only: embedding it
    /// in every paper would multiply the size of paper lists for a field crawlers fetch once.
    /// </summary>
    private void WriteFile(OParlJson json, DocumentFile file, bool embedded, DateTime modified)
    {
        json.Header(Urls.Of(OParlTypes.File, file.Id), OParlTypes.File, file.Created, modified);
        json.Text("name", file.Name);
        json.Text("fileName", file.FileName);
        json.Text("mimeType", file.MimeType);
        json.Date("date", file.Date);
        json.Number("size", file.Size);
        json.Text("sha512Checksum", file.Sha512Checksum);
        if (!embedded)
        {
            json.Text("text", file.Text);
        }
        json.Writer.WriteString("accessUrl", Urls.FileAccess(file.Id));
        json.Writer.WriteString("downloadUrl", Urls.FileDownload(file.Id));
        json.Text("externalServiceUrl", file.ExternalServiceUrl);
        if (file.MasterFileId is long master)
        {
            json.Writer.WriteString("masterFile", Urls.Of(OParlTypes.File, master));
        }
        json.Texts("derivativeFile", file.DerivativeFiles.Where(f => !f.Deleted && f.Public).OrderBy(f => f.Id).Select(f => Urls.Of(OParlTypes.File, f.Id)));
        json.Text("fileLicense", file.FileLicense);
        if (!embedded)
        {
            if (file.MeetingId is long meeting)
            {
                json.Texts("meeting", [Urls.Of(OParlTypes.Meeting, meeting)]);
            }
            if (file.AgendaItemId is long item)
            {
                json.Texts("agendaItem", [Urls.Of(OParlTypes.AgendaItem, item)]);
            }
            if (file.PaperId is long paper)
            {
                json.Texts("paper", [Urls.Of(OParlTypes.Paper, paper)]);
            }
        }
        json.Common(file, null);
        json.Writer.WriteEndObject();
    }
}
