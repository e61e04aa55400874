namespace OpenRis.Web.Search;

/// <summary>Field names of the index; the facet fields carry doc values for counting.</summary>
public static class SearchFields
{
    public const string Key = "key";
    public const string Type = "type";
    public const string Id = "id";
    public const string Title = "title";
    public const string Text = "text";
    public const string Files = "files";
    /// <summary>Title, texts and file texts in one field: what every word of a query must match.</summary>
    public const string All = "all";
    public const string Number = "number";
    public const string RelatedNumber = "relnumber";
    public const string Reference = "reference";
    public const string Audience = "audience";
    public const string Date = "date";
    public const string Modified = "modified";
    public const string Label = "label";

    public const string Kind = "kind";
    public const string Body = "body";
    public const string Originator = "originator";
    public const string Year = "year";
    public const string Status = "status";

    public static readonly string[] Facets = [Kind, Body, Originator, Year, Status];
}
