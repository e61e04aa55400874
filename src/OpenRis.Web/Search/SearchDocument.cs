using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using OpenRis.Documents;

namespace OpenRis.Web.Search;

/// <summary>What the index knows of one paper, meeting, person or organization, before it becomes a Lucene document.</summary>
public sealed class SearchDocument
{
    public required string Type { get; init; }
    public required long Id { get; init; }
    public required string Title { get; init; }
    public string? Reference { get; init; }
    public string? RelatedReference { get; init; }
    public List<string> Texts { get; } = [];
    public List<string> FileTexts { get; } = [];
    public required List<string> Audience { get; init; }
    public DateOnly? Date { get; init; }
    public DateTime Modified { get; init; }
    public Dictionary<string, List<string>> Facets { get; } = [];

    public static string KeyOf(string type, long id) => FormattableString.Invariant($"{type}:{id}");

    public void Facet(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }
        if (!Facets.TryGetValue(field, out var values))
        {
            Facets[field] = values = [];
        }
        if (!values.Contains(value))
        {
            values.Add(value);
        }
    }

    public Document ToLucene()
    {
        var text = string.Join("\n", Texts);
        var files = string.Join("\n", FileTexts);
        var doc = new Document
        {
            new StringField(SearchFields.Key, KeyOf(Type, Id), Field.Store.YES),
            new StringField(SearchFields.Type, Type, Field.Store.YES),
            new StoredField(SearchFields.Id, Id),
            new TextField(SearchFields.Title, Title, Field.Store.YES),
            // Text and files are searched through "all" and stored (deflated) for the snippets only.
            StoredText.Field(SearchFields.Text, text),
            StoredText.Field(SearchFields.Files, files),
            // One field made of three values; the analyzer's position gap keeps a phrase from running across two.
            new TextField(SearchFields.All, Title, Field.Store.NO),
            new TextField(SearchFields.All, text, Field.Store.NO),
            new TextField(SearchFields.All, files, Field.Store.NO),
            new NumericDocValuesField(SearchFields.Date, Date is { } d ? d.DayNumber : 0),
            new Int64Field(SearchFields.Modified, Modified.Ticks, Field.Store.YES),
            new StoredField(SearchFields.Label, Facets.TryGetValue(SearchFields.Kind, out var kinds) ? kinds[0] : Type),
        };
        if (Date is { } date)
        {
            doc.Add(new StoredField(SearchFields.Date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            Facet(SearchFields.Year, date.Year.ToString(CultureInfo.InvariantCulture));
        }
        if (Reference is not null)
        {
            doc.Add(new StoredField(SearchFields.Reference, Reference));
            doc.Add(new StringField(SearchFields.Number, PaperNumbers.Normalize(Reference) ?? Reference, Field.Store.NO));
        }
        if (RelatedReference is not null)
        {
            doc.Add(new StringField(SearchFields.RelatedNumber, PaperNumbers.Normalize(RelatedReference) ?? RelatedReference, Field.Store.NO));
        }
        foreach (var token in Audience)
        {
            doc.Add(new StringField(SearchFields.Audience, token, Field.Store.NO));
        }
        foreach (var (field, values) in Facets)
        {
            foreach (var value in values)
            {
                doc.Add(new StringField(field, value, Field.Store.NO));
                doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
            }
        }
        return doc;
    }
}
