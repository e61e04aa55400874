using System.Globalization;

namespace OpenRis.Web.OParl;

/// <summary>
/// The canonical URLs of the OParl API. Built only from immutable ids, never from a paper's
/// reference, so they last (OParl 1.1 §2.3).
/// </summary>
public sealed class OParlUrls(string baseUrl)
{
    public const string Namespace = "https://schema.oparl.org/1.1/";
    public const string Path = "/oparl/v1.1";

    public string Base { get; } = baseUrl.TrimEnd('/');
    public string Api => Base + Path;

    public string System => $"{Api}/system";
    public string Bodies => $"{Api}/body";
    public string Of(string type, long id) => string.Create(CultureInfo.InvariantCulture, $"{Api}/{type}/{id}");
    public string BodyList(long bodyId, string list) => string.Create(CultureInfo.InvariantCulture, $"{Api}/body/{bodyId}/{list}");
    public string OrganizationList(long organizationId, string list) => string.Create(CultureInfo.InvariantCulture, $"{Api}/organization/{organizationId}/{list}");
    public string FileAccess(long id) => string.Create(CultureInfo.InvariantCulture, $"{Api}/file/{id}/access");
    public string FileDownload(long id) => string.Create(CultureInfo.InvariantCulture, $"{Api}/file/{id}/download");

    /// <summary>The HTML page of an object, where the portal has one.</summary>
    public string Web(string path) => Base + path;

    public static string TypeUri(string type) => Namespace + char.ToUpperInvariant(type[0]) + type[1..];
}

/// <summary>The OParl type keys as they appear in our URLs and in OParlDocument.Type.</summary>
public static class OParlTypes
{
    public const string System = "system";
    public const string Body = "body";
    public const string LegislativeTerm = "legislativeTerm";
    public const string Organization = "organization";
    public const string Person = "person";
    public const string Membership = "membership";
    public const string Meeting = "meeting";
    public const string AgendaItem = "agendaItem";
    public const string Paper = "paper";
    public const string Consultation = "consultation";
    public const string File = "file";
    public const string Location = "location";

    public static readonly string[] All = [System, Body, LegislativeTerm, Organization, Person, Membership, Meeting, AgendaItem, Paper, Consultation, File, Location];

    /// <summary>The ten external lists of a Body, by their property name, and the type they list (OParl 1.1 §3 Body).</summary>
    public static readonly (string List, string Type)[] BodyLists =
    [
        ("organization", Organization), ("person", Person), ("meeting", Meeting), ("paper", Paper),
        ("agendaItem", AgendaItem), ("consultation", Consultation), ("file", File), ("locationList", Location),
        ("legislativeTermList", LegislativeTerm), ("membership", Membership),
    ];
}
