using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Model;

namespace OpenRis.Web.Import.OParl;

internal sealed partial class OParlImporter
{
    private async Task BodyAsync(JsonObject json, CancellationToken ct)
    {
        var body = await ResolveAsync<Body>("body", json, false, id => BodiesToFill().FirstOrDefaultAsync(b => b.Id == id, ct));
        if (body is null)
        {
            return;
        }
        body.Name = _values.Text(json, "name") ?? _values.Text(json, "shortName") ?? OParlValues.Id(json)!;
        body.ShortName = _values.Text(json, "shortName");
        body.Website = _values.Text(json, "website");
        body.License = _values.Text(json, "license");
        body.LicenseValidSince = _values.DateTime(json, "licenseValidSince");
        body.OparlSince = _values.DateTime(json, "oparlSince");
        body.Ags = _values.Ags(json);
        body.Rgs = _values.Rgs(json);
        SetIfDifferent(body.Equivalent, _values.Texts(json, "equivalent"));
        body.ContactEmail = _values.Text(json, "contactEmail");
        body.ContactName = _values.Text(json, "contactName");
        body.Classification = _values.Text(json, "classification");
        SetIfDifferent(body.Keyword, _values.Texts(json, "keyword"));
        if (json["location"] is JsonObject location)
        {
            if (body.Id == 0)
            {
                _newBodyLocations.Add((body, location));
            }
            else
            {
                var (id, entity) = await LocationAsync(location, body.Id, standalone: false, ct);
                SetLocation(body, id, entity, (b, l) => b.Location = l, (b, l) => b.LocationId = l);
            }
        }
        foreach (var term in _values.Objects(json, "legislativeTerm"))
        {
            await LegislativeTermAsync(term, body.Id, body, standalone: false, ct);
        }
    }

    private async Task LegislativeTermAsync(JsonObject json, long bodyId, Body? body, bool standalone, CancellationToken ct)
    {
        if (OParlValues.Id(json) is null)
        {
            _report.Defect("object-without-id", "legislativeTerm");
            return;
        }
        var term = await ResolveAsync<LegislativeTerm>("legislativeTerm", json, standalone, id => _db.LegislativeTerms.IgnoreQueryFilters().FirstOrDefaultAsync(t => t.Id == id, ct));
        if (term is null)
        {
            return;
        }
        if (term.Id == 0)
        {
            if (body is not null)
            {
                term.Body = body;
            }
            else
            {
                term.BodyId = bodyId;
            }
        }
        term.Name = _values.Text(json, "name") ?? "";
        term.StartDate = _values.Date(json, "startDate");
        term.EndDate = _values.Date(json, "endDate");
        SetIfDifferent(term.Keyword, _values.Texts(json, "keyword"));
    }

    /// <summary>A Location, embedded or from locationList. Returns how to link it (our id, or the entity new in this page).</summary>
    private async Task<(long Id, Location? Entity)> LocationAsync(JsonObject json, long bodyId, bool standalone, CancellationToken ct)
    {
        var url = OParlValues.Id(json);
        if (url is null)
        {
            _report.Defect("object-without-id", "location");
            return (0, null);
        }
        var location = await ResolveAsync<Location>("location", json, standalone, id => _db.Locations.IgnoreQueryFilters().FirstOrDefaultAsync(l => l.Id == id, ct));
        if (location is not null)
        {
            if (location.Id == 0)
            {
                location.BodyId = bodyId;
            }
            location.Description = _values.Text(json, "description");
            location.GeoJson = _values.GeoJson(json);
            location.StreetAddress = _values.Text(json, "streetAddress");
            location.Room = _values.Text(json, "room");
            location.PostalCode = _values.Text(json, "postalCode");
            location.SubLocality = _values.Text(json, "subLocality");
            location.Locality = _values.Text(json, "locality");
            SetIfDifferent(location.Keyword, _values.Texts(json, "keyword"));
        }
        return Target<Location>(url);
    }

    private async Task OrganizationAsync(JsonObject json, long bodyId, CancellationToken ct)
    {
        var organization = await ResolveAsync<Organization>("organization", json, false, id => _db.Organizations.IgnoreQueryFilters().FirstOrDefaultAsync(o => o.Id == id, ct));
        if (organization is null)
        {
            return;
        }
        organization.BodyId = bodyId;
        organization.Name = _values.Text(json, "name", 500) ?? _values.Text(json, "shortName", 500) ?? "";
        organization.ShortName = _values.Text(json, "shortName");
        SetIfDifferent(organization.Post, _values.Texts(json, "post"));
        organization.OrganizationType = _values.Text(json, "organizationType");
        organization.Classification = _values.Text(json, "classification");
        organization.StartDate = _values.Date(json, "startDate");
        organization.EndDate = _values.Date(json, "endDate");
        organization.Website = _values.Text(json, "website");
        organization.ExternalBody = _values.Text(json, "externalBody");
        SetIfDifferent(organization.Keyword, _values.Texts(json, "keyword"));
        Defer("organization", OParlValues.Id(json)!, "subOrganizationOf", _values.Link(json, "subOrganizationOf"));
        if (json["location"] is JsonObject location)
        {
            var (id, entity) = await LocationAsync(location, bodyId, standalone: false, ct);
            SetLocation(organization, id, entity, (o, l) => o.Location = l, (o, l) => o.LocationId = l);
        }
    }

    private async Task PersonAsync(JsonObject json, long bodyId, CancellationToken ct)
    {
        var person = await ResolveAsync<Person>("person", json, false, id => PersonsToFill().FirstOrDefaultAsync(p => p.Id == id, ct));
        if (person is null)
        {
            return;
        }
        person.BodyId = bodyId;
        person.Name = _values.Text(json, "name", 300)
            ?? string.Join(' ', new[] { _values.Text(json, "givenName"), _values.Text(json, "familyName") }.Where(n => n is not null));
        person.FamilyName = _values.Text(json, "familyName");
        person.GivenName = _values.Text(json, "givenName");
        person.FormOfAddress = _values.Text(json, "formOfAddress");
        person.Affix = _values.Text(json, "affix");
        SetIfDifferent(person.Title, _values.Texts(json, "title"));
        person.Gender = _values.Text(json, "gender");
        SetIfDifferent(person.Phone, _values.Texts(json, "phone"));
        SetIfDifferent(person.Email, _values.Texts(json, "email"));
        SetIfDifferent(person.Status, _values.Texts(json, "status"));
        person.Life = _values.Text(json, "life");
        person.LifeSource = _values.Text(json, "lifeSource");
        SetIfDifferent(person.Keyword, _values.Texts(json, "keyword"));
        // 1.1 embeds the location as locationObject; Sternberg embeds it in location itself.
        if ((json["locationObject"] ?? json["location"]) is JsonObject location)
        {
            var (id, entity) = await LocationAsync(location, bodyId, standalone: false, ct);
            SetLocation(person, id, entity, (p, l) => p.Location = l, (p, l) => p.LocationId = l);
        }
        var embedded = _values.Objects(json, "membership");
        foreach (var membership in embedded)
        {
            await MembershipAsync(membership, bodyId, person, standalone: false, ct);
        }
        RemoveMissing(person.Memberships, embedded, "membership");
    }

    private async Task MembershipAsync(JsonObject json, long bodyId, Person? person, bool standalone, CancellationToken ct)
    {
        var url = OParlValues.Id(json);
        if (url is null)
        {
            _report.Defect("object-without-id", "membership");
            return;
        }
        var organizationUrl = _values.Link(json, "organization");
        var (organizationId, organizationEntity) = Target<Organization>(organizationUrl);
        var personUrl = person is null ? _values.Link(json, "person") : null;
        var (personId, _) = Target<Person>(personUrl);
        if (organizationId == 0 && organizationEntity is null)
        {
            Missing("organization", organizationUrl ?? url);
            return;
        }
        if (person is null && personId == 0 && !_known.ContainsKey(url))
        {
            Missing("person", personUrl ?? url);
            return;
        }
        var membership = await ResolveAsync<Membership>("membership", json, standalone, id => _db.Memberships.IgnoreQueryFilters().FirstOrDefaultAsync(m => m.Id == id, ct));
        if (membership is null)
        {
            return;
        }
        membership.BodyId = bodyId;
        if (membership.Id == 0)
        {
            if (person is not null)
            {
                membership.Person = person;
            }
            else
            {
                membership.PersonId = personId;
            }
        }
        if (organizationEntity is not null)
        {
            membership.Organization = organizationEntity;
        }
        else
        {
            membership.OrganizationId = organizationId;
        }
        membership.Role = _values.Text(json, "role");
        membership.VotingRight = OParlValues.Boolean(json, "votingRight");
        membership.StartDate = _values.Date(json, "startDate");
        membership.EndDate = _values.Date(json, "endDate");
        var onBehalfOf = _values.Link(json, "onBehalfOf");
        var (onBehalfOfId, _) = Target<Organization>(onBehalfOf);
        membership.OnBehalfOfId = onBehalfOfId > 0 ? onBehalfOfId : null;
        if (onBehalfOf is not null && onBehalfOfId == 0)
        {
            Missing("onBehalfOf", onBehalfOf);
        }
        SetIfDifferent(membership.Keyword, _values.Texts(json, "keyword"));
    }

    private static void SetLocation<T>(T owner, long id, Location? entity, Action<T, Location> setEntity, Action<T, long?> setId)
    {
        if (entity is not null)
        {
            setEntity(owner, entity);
        }
        else if (id > 0)
        {
            setId(owner, id);
        }
    }

    /// <summary>Lists are compared by content so that an unchanged list does not count as a change.</summary>
    private static void SetIfDifferent(List<string> target, List<string> source)
    {
        if (!target.SequenceEqual(source))
        {
            target.Clear();
            target.AddRange(source);
        }
    }

    /// <summary>
    /// OParl 1.1: embedded arrays never hold deleted objects, so an imported child that is no longer
    /// embedded in its changed parent was deleted at the source.
    /// </summary>
    private void RemoveMissing<T>(IEnumerable<T> stored, List<JsonObject> embedded, string type) where T : OParlObject
    {
        var present = embedded.Select(OParlValues.Id).Where(u => u is not null).Select(u => Target<T>(u).Id).Where(id => id > 0).ToHashSet();
        foreach (var child in stored.Where(c => c.Id > 0 && !c.Deleted && !present.Contains(c.Id)).ToList())
        {
            _db.Remove(child);
            _report.Count(type, OParlImportReport.Deleted);
        }
    }
}
