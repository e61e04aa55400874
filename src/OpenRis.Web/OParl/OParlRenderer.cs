using System.Globalization;
using System.Text;
using System.Text.Json;
using OpenRis.Web.Model;

namespace OpenRis.Web.OParl;

/// <summary>
/// Renders entities into their OParl 1.1 JSON. Standalone objects carry their back-references;
/// embedded ones leave them out (OParl 1.1 §2.5). Deleted and invisible children are never embedded.
/// Loaded graphs come from <see cref="OParlLoader"/>.
/// </summary>
public sealed partial class OParlRenderer(OParlUrls urls, OParlOptions options, bool omitInternal = false)
{
    /// <summary>Renders for omit_internal=true: without the embedded arrays the 1.1 lists carry anyway.</summary>
    public bool OmitInternal { get; } = omitInternal;

    public OParlUrls Urls { get; } = urls;

    private static byte[] Write(Action<OParlJson> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer, OParlJson.WriterOptions))
        {
            write(new OParlJson(writer));
        }
        return buffer.WrittenSpan.ToArray();
    }

    public byte[] System(OParlSystem system, DateTime modified) => Write(json =>
    {
        json.Header(Urls.System, OParlTypes.System, system.Created, modified);
        json.Writer.WriteString("oparlVersion", OParlUrls.Namespace);
        json.Texts("otherOparlVersions", system.OtherOparlVersions);
        json.Text("license", system.License ?? options.License);
        json.Writer.WriteString("body", Urls.Bodies);
        json.Text("name", system.Name);
        json.Text("contactEmail", system.ContactEmail);
        json.Text("contactName", system.ContactName);
        json.Text("website", system.Website ?? Urls.Web("/"));
        json.Text("vendor", system.Vendor);
        json.Text("product", system.Product);
        json.Texts("keyword", system.Keyword);
        json.Text("web", Urls.Web("/"));
        json.Writer.WriteEndObject();
    });

    public byte[] Body(Body body, DateTime modified, ServedModified served) => Write(json =>
    {
        json.Header(Urls.Of(OParlTypes.Body, body.Id), OParlTypes.Body, body.Created, modified);
        json.Writer.WriteString("system", Urls.System);
        json.Text("shortName", body.ShortName);
        json.Text("name", body.Name);
        json.Text("website", body.Website);
        json.Text("license", body.License ?? options.License);
        json.DateTime("licenseValidSince", body.LicenseValidSince);
        // Since when OParl is offered: for a body created in OpenRIS, from its creation on.
        json.DateTime("oparlSince", body.OparlSince ?? body.Created);
        json.Text("ags", body.Ags);
        json.Text("rgs", body.Rgs);
        json.Texts("equivalent", body.Equivalent);
        json.Text("contactEmail", body.ContactEmail);
        json.Text("contactName", body.ContactName);
        foreach (var (list, _) in OParlTypes.BodyLists)
        {
            json.Writer.WriteString(list, Urls.BodyList(body.Id, list));
        }
        if (!OmitInternal)
        {
            // Mandatory (kept from OParl 1.0): written as [] when there is no term yet.
            json.Writer.WriteStartArray("legislativeTerm");
            foreach (var term in body.LegislativeTerms.Where(t => !t.Deleted).OrderBy(t => t.Id))
            {
                WriteLegislativeTerm(json, term, embedded: true, served.Of(OParlTypes.LegislativeTerm, term));
            }
            json.Writer.WriteEndArray();
        }
        json.Text("classification", body.Classification);
        if (body.Location is { Deleted: false } location)
        {
            json.Writer.WritePropertyName("location");
            WriteLocation(json, location, embedded: true, served.Of(OParlTypes.Location, location), null);
        }
        json.Texts("keyword", body.Keyword);
        json.Text("web", Urls.Web("/"));
        json.Writer.WriteEndObject();
    });

    public byte[] LegislativeTerm(LegislativeTerm term, DateTime modified) =>
        Write(json => WriteLegislativeTerm(json, term, embedded: false, modified));

    private void WriteLegislativeTerm(OParlJson json, LegislativeTerm term, bool embedded, DateTime modified)
    {
        json.Header(Urls.Of(OParlTypes.LegislativeTerm, term.Id), OParlTypes.LegislativeTerm, term.Created, modified);
        if (!embedded)
        {
            json.Writer.WriteString("body", Urls.Of(OParlTypes.Body, term.BodyId));
        }
        json.Text("name", term.Name);
        json.Date("startDate", term.StartDate);
        json.Date("endDate", term.EndDate);
        json.Common(term, null);
        json.Writer.WriteEndObject();
    }

    public byte[] Organization(Organization organization, DateTime modified, ServedModified served) => Write(json =>
    {
        json.Header(Urls.Of(OParlTypes.Organization, organization.Id), OParlTypes.Organization, organization.Created, modified);
        json.Writer.WriteString("body", Urls.Of(OParlTypes.Body, organization.BodyId));
        json.Text("name", organization.Name);
        json.Texts("membership", organization.Memberships.Where(m => !m.Deleted).OrderBy(m => m.Id).Select(m => Urls.Of(OParlTypes.Membership, m.Id)));
        json.Writer.WriteString("meeting", Urls.OrganizationList(organization.Id, "meeting"));
        json.Writer.WriteString("consultation", Urls.OrganizationList(organization.Id, "consultation"));
        json.Text("shortName", organization.ShortName);
        json.Texts("post", organization.Post);
        if (organization.SubOrganizationOfId is long parent)
        {
            json.Writer.WriteString("subOrganizationOf", Urls.Of(OParlTypes.Organization, parent));
        }
        json.Text("organizationType", organization.OrganizationType);
        json.Text("classification", organization.Classification);
        json.Date("startDate", organization.StartDate);
        json.Date("endDate", organization.EndDate);
        json.Text("website", organization.Website);
        if (organization.Location is { Deleted: false } location)
        {
            json.Writer.WritePropertyName("location");
            WriteLocation(json, location, embedded: true, served.Of(OParlTypes.Location, location), null);
        }
        json.Text("externalBody", organization.ExternalBody);
        json.Common(organization, Urls.Web(string.Create(CultureInfo.InvariantCulture, $"/gremien/{organization.Id}")));
        json.Writer.WriteEndObject();
    });

    public byte[] Person(Person person, DateTime modified, ServedModified served) => Write(json =>
    {
        json.Header(Urls.Of(OParlTypes.Person, person.Id), OParlTypes.Person, person.Created, modified);
        json.Writer.WriteString("body", Urls.Of(OParlTypes.Body, person.BodyId));
        json.Text("name", person.Name);
        json.Text("familyName", person.FamilyName);
        json.Text("givenName", person.GivenName);
        json.Text("formOfAddress", person.FormOfAddress);
        json.Text("affix", person.Affix);
        json.Texts("title", person.Title);
        json.Text("gender", person.Gender);
        json.Texts("phone", person.Phone);
        json.Texts("email", person.Email);
        if (person.Location is { Deleted: false } location)
        {
            // OParl 1.1: locationObject embeds the same Location that location links to.
            json.Writer.WriteString("location", Urls.Of(OParlTypes.Location, location.Id));
            json.Writer.WritePropertyName("locationObject");
            WriteLocation(json, location, embedded: true, served.Of(OParlTypes.Location, location), null);
        }
        json.Texts("status", person.Status);
        var memberships = person.Memberships.Where(m => !m.Deleted).OrderBy(m => m.Id).ToList();
        if (memberships.Count > 0 && !OmitInternal)
        {
            json.Writer.WriteStartArray("membership");
            foreach (var membership in memberships)
            {
                WriteMembership(json, membership, embedded: true, served.Of(OParlTypes.Membership, membership));
            }
            json.Writer.WriteEndArray();
        }
        json.Text("life", person.Life);
        json.Text("lifeSource", person.LifeSource);
        json.Common(person, Urls.Web(string.Create(CultureInfo.InvariantCulture, $"/personen/{person.Id}")));
        json.Writer.WriteEndObject();
    });

    public byte[] Membership(Membership membership, DateTime modified) =>
        Write(json => WriteMembership(json, membership, embedded: false, modified));

    private void WriteMembership(OParlJson json, Membership membership, bool embedded, DateTime modified)
    {
        json.Header(Urls.Of(OParlTypes.Membership, membership.Id), OParlTypes.Membership, membership.Created, modified);
        if (!embedded)
        {
            json.Writer.WriteString("person", Urls.Of(OParlTypes.Person, membership.PersonId));
        }
        json.Writer.WriteString("organization", Urls.Of(OParlTypes.Organization, membership.OrganizationId));
        json.Text("role", membership.Role);
        json.Boolean("votingRight", membership.VotingRight);
        json.Date("startDate", membership.StartDate);
        json.Date("endDate", membership.EndDate);
        if (membership.OnBehalfOfId is long onBehalfOf)
        {
            json.Writer.WriteString("onBehalfOf", Urls.Of(OParlTypes.Organization, onBehalfOf));
        }
        json.Common(membership, null);
        json.Writer.WriteEndObject();
    }

    public byte[] Location(Location location, DateTime modified, LocationReferences references) =>
        Write(json => WriteLocation(json, location, embedded: false, modified, references));

    private void WriteLocation(OParlJson json, Location location, bool embedded, DateTime modified, LocationReferences? references)
    {
        json.Header(Urls.Of(OParlTypes.Location, location.Id), OParlTypes.Location, location.Created, modified);
        json.Text("description", location.Description);
        if (!string.IsNullOrWhiteSpace(location.GeoJson))
        {
            json.Writer.WritePropertyName("geojson");
            using var geo = JsonDocument.Parse(location.GeoJson);
            geo.WriteTo(json.Writer);
        }
        json.Text("streetAddress", location.StreetAddress);
        json.Text("room", location.Room);
        json.Text("postalCode", location.PostalCode);
        json.Text("subLocality", location.SubLocality);
        json.Text("locality", location.Locality);
        if (!embedded && references is not null)
        {
            json.Texts("bodies", references.Bodies.Select(id => Urls.Of(OParlTypes.Body, id)));
            json.Texts("organizations", references.Organizations.Select(id => Urls.Of(OParlTypes.Organization, id)));
            json.Texts("persons", references.Persons.Select(id => Urls.Of(OParlTypes.Person, id)));
            json.Texts("meetings", references.Meetings.Select(id => Urls.Of(OParlTypes.Meeting, id)));
            json.Texts("papers", references.Papers.Select(id => Urls.Of(OParlTypes.Paper, id)));
        }
        json.Common(location, null);
        json.Writer.WriteEndObject();
    }
}

/// <summary>The visible objects that use a location (its back-references when standalone).</summary>
public sealed record LocationReferences(List<long> Bodies, List<long> Organizations, List<long> Persons, List<long> Meetings, List<long> Papers)
{
    public bool Any => Bodies.Count + Organizations.Count + Persons.Count + Meetings.Count + Papers.Count > 0;
}
