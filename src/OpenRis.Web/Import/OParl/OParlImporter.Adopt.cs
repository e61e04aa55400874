using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Model;

namespace OpenRis.Web.Import.OParl;

/// <summary>
/// Moving an OpenRIS instance: when the source is another OpenRIS and this instance holds nothing but
/// what came from it, objects keep the source's numeric ids and its created/modified, and the System
/// takes the source's name and contact, so that an export of this instance is the source's export
/// with another host name (docs/import.md).
/// </summary>
internal sealed partial class OParlImporter
{
    private bool _adopt;

    /// <summary>An OpenRIS source into an instance without bodies (or one filled from this source alone, when resuming).</summary>
    private async Task<bool> AdoptsIdsAsync(JsonObject system, CancellationToken ct)
    {
        if (_vendor.Name != OParlVendor.OpenRisName)
        {
            return false;
        }
        if (_known.Count > 0)
        {
            return _known.All(k => SourceNumber(k.Key) == k.Value.EntityId);
        }
        return !await _db.Bodies.IgnoreQueryFilters().AnyAsync(ct) && OParlValues.Id(system) is not null;
    }

    private static long? SourceNumber(string url)
    {
        var match = SourceIdPattern().Match(url);
        return match.Success && long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>
    /// Objects take the source's created/modified before they are saved; the saves keep them
    /// (<see cref="Data.RisDbContext.KeepsSourceTimes"/>), so each batch renders its OParl documents
    /// once, as the source served them, and nothing has to be rendered anew at the end.
    /// </summary>
    private void AdoptTimes(OParlObject entity, JsonObject json, bool isNew)
    {
        if (!_adopt || _values.DateTime(json, "created") is not { } created || _values.DateTime(json, "modified") is not { } modified)
        {
            return;
        }
        if (isNew)
        {
            entity.Created = created;
        }
        entity.Modified = modified;
    }

    /// <summary>New objects of the page take the source's id before the insert.</summary>
    private void AdoptIds()
    {
        if (!_adopt)
        {
            return;
        }
        foreach (var (url, _, entity, _, _) in _pageRows)
        {
            if (_db.Entry(entity).State == EntityState.Added && SourceNumber(url) is { } id)
            {
                _db.Entry(entity).Property(e => e.Id).CurrentValue = id;
            }
        }
    }

    /// <summary>
    /// After every list: the System's name, contact and times as the source served them, and
    /// PostgreSQL's id sequences moved past the adopted ids.
    /// </summary>
    private async Task KeepSourceAsync(JsonObject system, CancellationToken ct)
    {
        await using var transaction = await _db.Database.BeginTransactionAsync(ct);
        var ours = await _db.Systems.IgnoreQueryFilters().OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (ours is null)
        {
            ours = new OParlSystem();
            _db.Systems.Add(ours);
        }
        ours.Name = _values.Text(system, "name") ?? ours.Name;
        ours.ContactEmail = _values.Text(system, "contactEmail");
        ours.ContactName = _values.Text(system, "contactName");
        // The source's default website is its own portal; ours is then ours.
        var website = _values.Text(system, "website");
        ours.Website = website is not null && website == _values.Text(system, "web") ? null : website;
        ours.License = _values.Text(system, "license");
        SetIfDifferent(ours.Keyword, _values.Texts(system, "keyword"));
        SetIfDifferent(ours.OtherOparlVersions, _values.Texts(system, "otherOparlVersions"));
        if (_values.DateTime(system, "created") is { } systemCreated && _values.DateTime(system, "modified") is { } systemModified)
        {
            ours.Created = systemCreated;
            ours.Modified = systemModified;
        }
        await _db.SaveChangesAsync(ct);

        if (_db.Database.IsNpgsql())
        {
            foreach (var entity in _db.Model.GetEntityTypes().Where(t => typeof(OParlObject).IsAssignableFrom(t.ClrType) && t.GetTableName() is not null))
            {
                var table = entity.GetTableName()!.Replace("\"", "\"\"", StringComparison.Ordinal);
#pragma warning disable EF1002 // table names come from the model, not from input
                await _db.Database.ExecuteSqlRawAsync($"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), GREATEST((SELECT MAX(\"Id\") FROM \"{table}\"), 1))", ct);
#pragma warning restore EF1002
            }
        }
        await transaction.CommitAsync(ct);
        _db.ChangeTracker.Clear();
    }

    [GeneratedRegex("/oparl/v1\\.1/[A-Za-z]+/([0-9]+)$")]
    private static partial Regex SourceIdPattern();
}
