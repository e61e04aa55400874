using System.Globalization;
using Microsoft.Extensions.Primitives;
using OpenRis.Web.Model;

namespace OpenRis.Web.OParl;

/// <summary>
/// The query of an OParl list: the four date filters (OParl 1.1 §2.5; bounds inclusive), limit,
/// omit_internal and our keyset cursor. Parsing is lenient where vendors' clients differ (raw or
/// encoded, a "+" that arrived as a space, fractions, "Z" or any offset, or a bare date in German
/// time) and strict where the value is garbage: that is a 400 with a message, never a guess.
/// </summary>
public sealed record OParlQuery(
    DateTime? CreatedSince, DateTime? CreatedUntil, DateTime? ModifiedSince, DateTime? ModifiedUntil,
    int Limit, bool OmitInternal, long? After, long? Before)
{
    public static (OParlQuery? Query, string? Error) Parse(IQueryCollection query, int defaultLimit)
    {
        string? error = null;
        DateTime? Date(string name)
        {
            if (!query.TryGetValue(name, out var values) || StringValues.IsNullOrEmpty(values))
            {
                return null;
            }
            if (values.Count > 1 || ParseDate(values[0]!) is not DateTime parsed)
            {
                error ??= $"Der Filter {name} braucht einen Zeitpunkt wie 2018-09-27T15:00:00+02:00, nicht „{Shorten(values.ToString())}“.";
                return null;
            }
            return parsed;
        }
        long? Cursor(string name)
        {
            if (!query.TryGetValue(name, out var values) || StringValues.IsNullOrEmpty(values))
            {
                return null;
            }
            if (values.Count > 1 || !long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                error ??= $"Der Parameter {name} braucht eine Objektnummer, nicht „{Shorten(values.ToString())}“.";
                return null;
            }
            return id;
        }

        var limit = defaultLimit;
        if (query.TryGetValue("limit", out var limitValues) && !StringValues.IsNullOrEmpty(limitValues))
        {
            if (limitValues.Count > 1 || !int.TryParse(limitValues[0], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > OParlOptions.MaxLimit)
            {
                error ??= $"limit muss eine ganze Zahl von 1 bis {OParlOptions.MaxLimit} sein, nicht „{Shorten(limitValues.ToString())}“.";
            }
        }
        var omitInternal = false;
        if (query.TryGetValue("omit_internal", out var omitValues) && !StringValues.IsNullOrEmpty(omitValues))
        {
            switch (omitValues.ToString().ToLowerInvariant())
            {
                case "true" or "1":
                    omitInternal = true;
                    break;
                case "false" or "0":
                    break;
                default:
                    error ??= $"omit_internal ist true oder false, nicht „{Shorten(omitValues.ToString())}“.";
                    break;
            }
        }
        var result = new OParlQuery(Date("created_since"), Date("created_until"), Date("modified_since"), Date("modified_until"),
            limit, omitInternal, Cursor("after"), Cursor("before"));
        if (error is null && result.After is not null && result.Before is not null)
        {
            error = "after und before schließen sich aus.";
        }
        return error is null ? (result, null) : (null, error);
    }

    /// <summary>Tombstones are listed only when the client asks for changes (OParl 1.1 §2.8).</summary>
    public bool IncludesDeleted => ModifiedSince is not null;

    /// <summary>The filters and options in one canonical spelling and order, kept in every link.</summary>
    public List<KeyValuePair<string, string>> Parameters(bool withLimit = true)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        void Add(string name, DateTime? value)
        {
            if (value is DateTime v)
            {
                parameters.Add(new(name, OParlJson.Format(v)));
            }
        }
        Add("created_since", CreatedSince);
        Add("created_until", CreatedUntil);
        if (withLimit)
        {
            parameters.Add(new("limit", Limit.ToString(CultureInfo.InvariantCulture)));
        }
        Add("modified_since", ModifiedSince);
        Add("modified_until", ModifiedUntil);
        if (OmitInternal)
        {
            parameters.Add(new("omit_internal", "true"));
        }
        return parameters;
    }

    public static DateTime? ParseDate(string raw)
    {
        // A literal "+" in a query string arrives as a space when the client did not encode it.
        var value = raw.Trim().Replace(' ', '+');
        if (value.Length is < 10 or > 40)
        {
            return null;
        }
        var hasOffset = value.EndsWith('Z') || value.EndsWith('z')
            || (value.Length > 19 && (value[^6] is '+' or '-') && value[^3] == ':')
            || (value.Length > 19 && (value[^5] is '+' or '-') && char.IsAsciiDigit(value[^1]));
        if (hasOffset)
        {
            return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
                ? withOffset.UtcDateTime : null;
        }
        string[] localFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];
        return DateTime.TryParseExact(value, localFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? Berlin.ToUtc(local) : null;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
