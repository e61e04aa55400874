using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Mail;

/// <summary>
/// Once a day (06:00 Berlin time, and once at start) queues reminders for what falls due within
/// Mail:ReminderDays: the lead office's answer, each open co-signing, each open commitment with a
/// due date. The deduplication key names the item and its due date, so each reminder is queued once
/// however often the run repeats; a moved due date gets a reminder of its own.
/// </summary>
public sealed partial class DueDateReminders(IServiceScopeFactory scopes, HandOverMails mails, MailOptions options, TimeProvider clock, ILogger<DueDateReminders> logger) : BackgroundService
{
    private static readonly TimeOnly RunAt = new(6, 0);

    // The daily run and a run started by hand (tests) must not queue the same reminder at once.
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogRunFailed(logger, e);
            }
            try
            {
                await Task.Delay(UntilNextRun(clock.GetUtcNow()), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    internal static TimeSpan UntilNextRun(DateTimeOffset now)
    {
        var local = Berlin.ToLocal(now.UtcDateTime);
        var next = DateOnly.FromDateTime(local).ToDateTime(RunAt);
        if (next <= local)
        {
            next = next.AddDays(1);
        }
        return Berlin.ToUtc(next) - now.UtcDateTime;
    }

    /// <summary>One run for the clock's today; returns how many mails were queued.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await RunOnceAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RisDbContext>();
        var today = DateOnly.FromDateTime(Berlin.ToLocal(clock.GetUtcNow().UtcDateTime));
        var horizon = today.AddDays(options.ReminderDays);

        // The offices' due dates live on the answered paper; its statement shows how far they are.
        var offices = await db.PaperOffices.AsNoTracking()
            .Include(o => o.Paper).ThenInclude(p => p.SubordinatedPapers).ThenInclude(s => s.Offices)
            .Include(o => o.Paper).ThenInclude(p => p.SubordinatedPapers).ThenInclude(s => s.Kind)
            .Where(o => o.Paper.ParentPaperId == null && o.Paper.Status == PaperStatus.Registered
                && o.DueDate != null && o.DueDate >= today && o.DueDate <= horizon)
            .ToListAsync(cancellationToken);
        foreach (var office in offices)
        {
            var statement = office.Paper.SubordinatedPapers.FirstOrDefault(s => !s.Deleted && s.Kind.AnswersQuestions);
            if (office.Role == OfficeRole.Lead && (statement is null || statement.Status == PaperStatus.Draft))
            {
                await mails.ReminderAsync(db, office.OrganizationId, $"answer:{office.PaperId}:{office.OrganizationId}", office.Paper, "Stellungnahme", office.DueDate!.Value, cancellationToken);
            }
            else if (office.Role == OfficeRole.CoSigning
                && statement?.Offices.Any(s => s.OrganizationId == office.OrganizationId && s.SignedOffAt != null) != true)
            {
                await mails.ReminderAsync(db, office.OrganizationId, $"cosign:{office.PaperId}:{office.OrganizationId}", office.Paper, "Mitzeichnung", office.DueDate!.Value, cancellationToken);
            }
        }

        // A commitment is the lead office's promise: that office is reminded.
        var commitments = await db.Commitments.AsNoTracking().Include(c => c.Paper).ThenInclude(p => p.ParentPaper)
            .Where(c => c.Status == CommitmentStatus.Open && c.DueDate != null && c.DueDate >= today && c.DueDate <= horizon)
            .ToListAsync(cancellationToken);
        foreach (var commitment in commitments.Where(c => c.Paper.OwnerOrganizationId is not null))
        {
            await mails.ReminderAsync(db, commitment.Paper.OwnerOrganizationId!.Value, $"commitment:{commitment.Id}", commitment.Paper,
                $"Zusage „{Shorten(commitment.Text)}“", commitment.DueDate!.Value, cancellationToken);
        }

        var queued = db.OutgoingMails.Local.Count;
        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 119), "…");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Due-date reminders failed; next run tomorrow.")]
    private static partial void LogRunFailed(ILogger logger, Exception e);
}
