using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Meetings;

/// <summary>The result of one agenda item: result from the common list in the city's wording, tally or roll call, conflicts of interest.</summary>
public sealed class ItemModel(RisDbContext db, TimeProvider clock) : MeetingPageModel(db, clock)
{
    public AgendaItem Item { get; private set; } = null!;
    public List<Membership> Members { get; private set; } = [];

    [BindProperty]
    public ResultKind? Kind { get; set; }

    [BindProperty]
    public string? Wording { get; set; }

    [BindProperty]
    public string? ResolutionText { get; set; }

    [BindProperty]
    public int? Yes { get; set; }

    [BindProperty]
    public int? No { get; set; }

    [BindProperty]
    public int? Abstain { get; set; }

    /// <summary>Roll call: person id → vote; empty means no roll call.</summary>
    [BindProperty]
    public Dictionary<long, VoteChoice?> Votes { get; set; } = [];

    [BindProperty]
    public List<long> ConflictIds { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, long itemId, CancellationToken cancellationToken)
    {
        if (!await LoadAllAsync(id, itemId, cancellationToken))
        {
            return NotFound();
        }
        (Kind, Wording, ResolutionText, Yes, No, Abstain) = (Item.ResultKind, Item.Result, Item.ResolutionText, Item.VotesYes, Item.VotesNo, Item.VotesAbstain);
        Votes = Item.RollCall.ToDictionary(v => v.PersonId, v => (VoteChoice?)v.Choice);
        ConflictIds = Item.Conflicts.Select(c => c.PersonId).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, long itemId, CancellationToken cancellationToken)
    {
        if (!await LoadAllAsync(id, itemId, cancellationToken))
        {
            return NotFound();
        }
        if (Kind is not { } kind)
        {
            ModelState.AddModelError(nameof(Kind), "Bitte wählen Sie das Ergebnis aus der Liste.");
            return Page();
        }
        var members = Members.Select(m => m.PersonId).ToHashSet();
        var rollCall = Votes.Where(v => v.Value is not null && members.Contains(v.Key)).Select(v => (v.Key, v.Value!.Value)).ToList();
        VoteTally? tally = Yes is null && No is null && Abstain is null ? null : new VoteTally(Yes ?? 0, No ?? 0, Abstain ?? 0);
        return await SaveAsync(() =>
        {
            Item.Conflicts.RemoveAll(c => !ConflictIds.Contains(c.PersonId));
            foreach (var personId in ConflictIds.Where(members.Contains))
            {
                Item.RecordConflict(personId, null);
            }
            Item.RecordResult(kind, Wording, ResolutionText, tally, rollCall, Meeting.Attendance);
            // The paper's Beratungsfolge shows the result (docs/meetings.md), so its consultation is re-stamped and re-projected.
            if (Item.Consultation is { } consultation)
            {
                Db.Entry(consultation).State = EntityState.Modified;
            }
        }, $"Das Ergebnis zu {Item.Number} ist gespeichert.", $"/arbeitsbereich/sitzungen/{id}", cancellationToken);
    }

    private async Task<bool> LoadAllAsync(long id, long itemId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Meeting.AgendaItems.FirstOrDefault(i => i.Id == itemId) is not { } item)
        {
            return false;
        }
        Item = item;
        await Db.Entry(Meeting).Collection(m => m.Attendance).Query().Include(a => a.Person).LoadAsync(cancellationToken);
        await Db.Entry(item).Collection(i => i.RollCall).LoadAsync(cancellationToken);
        await Db.Entry(item).Collection(i => i.Conflicts).LoadAsync(cancellationToken);
        Members = (await MembersAsync(cancellationToken)).Where(m => m.VotingRight != false).DistinctBy(m => m.PersonId).ToList();
        ViewData["Title"] = $"Ergebnis {item.Number}: {ViewData["Title"]}";
        return true;
    }
}
