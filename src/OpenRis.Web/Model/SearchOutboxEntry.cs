namespace OpenRis.Web.Model;

/// <summary>
/// "This object must be indexed again": written by RisDbContext in the transaction of every change
/// to a searchable object, so the search index can never miss a committed change. Rows are not
/// consumed: every web node applies them to its own index and remembers how far it got; old rows
/// are pruned by age.
/// </summary>
public sealed class SearchOutboxEntry
{
    public long Id { get; set; }

    /// <summary>One of <see cref="SearchKinds"/>.</summary>
    public string Kind { get; set; } = "";

    public long EntityId { get; set; }

    /// <summary>UTC, when the change was saved.</summary>
    public DateTime At { get; set; }
}

/// <summary>The object kinds that have a search document of their own.</summary>
public static class SearchKinds
{
    public const string Paper = "paper";
    public const string Meeting = "meeting";
    public const string Person = "person";
    public const string Organization = "organization";

    /// <summary>The search document an OParl object belongs to (an agenda item lives in its meeting's), or null.</summary>
    public static string? Of(Type type) =>
        type == typeof(Paper) ? Paper
        : type == typeof(Meeting) ? Meeting
        : type == typeof(Person) ? Person
        : type == typeof(Organization) ? Organization
        : null;
}
