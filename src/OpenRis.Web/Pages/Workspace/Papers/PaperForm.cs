using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;
using OpenRis.Web.Pages.Rendering;

namespace OpenRis.Web.Pages.Workspace.Papers;

/// <summary>The fields a faction office fills in for an inquiry, motion or agenda proposal; shared by the new and edit pages.</summary>
public sealed class PaperForm
{
    public const int QuestionFields = 6;

    [Display(Name = "Art der Vorlage")]
    public long KindId { get; set; }

    [Display(Name = "Betreff (hier: …)")]
    [StringLength(500, ErrorMessage = "Der Betreff darf höchstens 500 Zeichen lang sein.")]
    public string? Subject { get; set; }

    [Display(Name = "Sitzung")]
    public long? TargetMeetingId { get; set; }

    public List<string?> Questions { get; set; } = [];

    [Display(Name = "Kurzfassung")]
    public string? Summary { get; set; }

    [Display(Name = "Begründung")]
    public string? Reasoning { get; set; }

    [Display(Name = "Antragstext / Beschlussvorschlag")]
    public string? Text { get; set; }

    public List<ImpactInput> Impacts { get; set; } = [];

    [Display(Name = "Unterzeichnet von (Name)")]
    public string? SignerName { get; set; }

    [Display(Name = "Funktion")]
    public string? SignerFunction { get; set; }

    [Display(Name = "Für die Richtigkeit (f. d. R.), Name")]
    public string? CertifierName { get; set; }

    [Display(Name = "Funktion")]
    public string? CertifierFunction { get; set; }

    /// <summary>The Revision the form was loaded with: a save against a newer one is a conflict.</summary>
    public int Revision { get; set; }

    public sealed class ImpactInput
    {
        public long CheckId { get; set; }
        public string? Option { get; set; }
        public string? Explanation { get; set; }
    }

    public void PadQuestions()
    {
        while (Questions.Count < QuestionFields)
        {
            Questions.Add(null);
        }
    }

    public static PaperForm From(Paper paper)
    {
        var form = new PaperForm
        {
            KindId = paper.PaperKindId,
            Subject = paper.Subject,
            TargetMeetingId = paper.TargetMeetingId,
            Summary = paper.Summary,
            Reasoning = paper.Reasoning,
            Text = paper.Text,
            Revision = paper.Revision,
            Questions = paper.Questions.OrderBy(q => q.Number).Select(q => (string?)q.Text).ToList(),
            Impacts = paper.ImpactAssessments.Select(a => new ImpactInput { CheckId = a.ImpactCheckId, Option = a.Option, Explanation = a.Explanation }).ToList(),
        };
        var signer = paper.Signatures.OrderBy(s => s.Position).FirstOrDefault(s => s.Formula != Signature.CertifiedCorrect);
        var certifier = paper.Signatures.FirstOrDefault(s => s.Formula == Signature.CertifiedCorrect);
        (form.SignerName, form.SignerFunction) = (signer?.Name, signer?.Function);
        (form.CertifierName, form.CertifierFunction) = (certifier?.Name, certifier?.Function);
        form.PadQuestions();
        return form;
    }

    /// <summary>Writes the form into a draft. Texts are kept as typed: they are encoded when shown, never interpreted.</summary>
    public void ApplyTo(Paper paper, PaperKind kind, IReadOnlyList<ImpactCheck> checks, Organization faction)
    {
        paper.Kind = kind;
        paper.PaperKindId = kind.Id;
        paper.Name = $"{kind.Abbreviation ?? kind.Name} der {faction.Name}";
        paper.Subject = Clean(Subject);
        paper.TargetMeetingId = TargetMeetingId;
        paper.Summary = Clean(Summary);
        paper.Reasoning = Clean(Reasoning);
        paper.Text = Clean(Text);

        var texts = Questions.Select(Clean).Where(t => t is not null).ToList();
        paper.Questions.RemoveAll(q => q.Number > texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            var question = paper.Questions.FirstOrDefault(q => q.Number == i + 1);
            if (question is null)
            {
                paper.Questions.Add(new Question { Paper = paper, Number = i + 1, Text = texts[i]! });
            }
            else
            {
                question.Text = texts[i]!;
            }
        }

        foreach (var check in checks)
        {
            var input = Impacts.FirstOrDefault(i => i.CheckId == check.Id);
            var assessment = paper.ImpactAssessments.FirstOrDefault(a => a.ImpactCheckId == check.Id);
            if (input?.Option is not { } option || !check.Options.Contains(option))
            {
                if (assessment is not null)
                {
                    paper.ImpactAssessments.Remove(assessment);
                }
                continue;
            }
            assessment ??= AddAssessment(paper, check);
            assessment.Option = option;
            assessment.Explanation = Clean(input.Explanation);
        }

        paper.Signatures.Clear();
        if (Clean(SignerName) is { } signer)
        {
            paper.Signatures.Add(new Signature { Paper = paper, Position = 0, Name = signer, Function = Clean(SignerFunction) });
        }
        if (Clean(CertifierName) is { } certifier)
        {
            paper.Signatures.Add(new Signature { Paper = paper, Position = 1, Formula = Signature.CertifiedCorrect, Name = certifier, Function = Clean(CertifierFunction) });
        }
    }

    private static ImpactAssessment AddAssessment(Paper paper, ImpactCheck check)
    {
        var assessment = new ImpactAssessment { Paper = paper, ImpactCheckId = check.Id, ImpactCheck = check };
        paper.ImpactAssessments.Add(assessment);
        return assessment;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

/// <summary>The choices of the filing form: the kinds a faction files, upcoming meetings, the impact-check catalogue.</summary>
public sealed record PaperFormChoices(List<PaperKind> Kinds, List<Meeting> Meetings, List<ImpactCheck> Checks)
{
    public static async Task<PaperFormChoices> LoadAsync(RisDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var kinds = await db.PaperKinds.AsNoTracking().Where(k => k.Active && k.FiledBy == PaperOriginator.Faction).OrderBy(k => k.SortOrder).ToListAsync(cancellationToken);
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Organizations).ThenInclude(o => o.Organization)
            .Where(m => !m.Cancelled && m.Start > nowUtc).OrderBy(m => m.Start).Take(50).ToListAsync(cancellationToken);
        var checks = await db.ImpactChecks.AsNoTracking().Where(c => c.Active).OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        return new PaperFormChoices(kinds, meetings, checks);
    }

    public static string MeetingLabel(Meeting meeting) =>
        $"{meeting.Organizations.OrderBy(o => o.Position).FirstOrDefault()?.Organization.Name ?? meeting.Name}, {Dates.DayAndTime(meeting.Start)} Uhr";
}
