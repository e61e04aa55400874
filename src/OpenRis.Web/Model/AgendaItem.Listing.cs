using System.Linq.Expressions;

namespace OpenRis.Web.Model;

public sealed partial class AgendaItem
{
    /// <summary>
    /// The one rule for what the public sees of an agenda: a public item, and one added after the
    /// agenda was published (it carries the number of versions then published as
    /// <see cref="AddendumNumber"/>) only once the Nachtrag listing it is published. For EF queries;
    /// every public channel (pages, OParl, search, package, notice, file URLs, alerts) uses it.
    /// </summary>
    public static readonly Expression<Func<AgendaItem, bool>> PubliclyListed =
        i => i.Public && (i.AddendumNumber == null || i.AddendumNumber < i.Meeting.AgendaVersions.Count);

    private static readonly Func<AgendaItem, bool> PubliclyListedInMemory = PubliclyListed.Compile();

    /// <summary>
    /// <see cref="PubliclyListed"/> in memory. Needs <see cref="Meeting"/> with its
    /// <see cref="Meeting.AgendaVersions"/> loaded; without the versions an addendum item counts as unpublished.
    /// </summary>
    public bool IsPubliclyListed() => PubliclyListedInMemory(this);
}

public static class AgendaItemQueries
{
    /// <summary>Agenda items the public may see (<see cref="AgendaItem.PubliclyListed"/>); not deleted (the soft-delete filter).</summary>
    public static IQueryable<AgendaItem> PubliclyListed(this IQueryable<AgendaItem> items) => items.Where(AgendaItem.PubliclyListed);
}
