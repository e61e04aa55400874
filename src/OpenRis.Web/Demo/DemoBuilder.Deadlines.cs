using OpenRis.Web.Model;

namespace OpenRis.Web.Demo;

internal sealed partial class DemoBuilder
{
    /// <summary>
    /// Hagen's deadlines as far as public records show them (domain-notes §1.2): an Anfrage received
    /// 9 days before the meeting (10.09 for 19.09.2013) was "fristgerecht", and the papers went out
    /// 7 days before (Versandtag 12.09), with the written answer meant to go out with them. The exact
    /// wording of § 5 GeschO was not found, so these are demo values a city replaces with its own.
    /// </summary>
    public void DeadlineRules()
    {
        db.DeadlineRules.AddRange(
            new DeadlineRule
            {
                Body = Body,
                Label = "Vorlagen und Anträge (Vorschlag zur Tagesordnung)",
                LegalBasis = "§ 6 Abs. 1 GeschO",
                FilingPeriod = 10,
                FilingUnit = DeadlineUnit.CalendarDays,
                CutOffTime = new TimeOnly(12, 0),
                InvitationPeriod = 7,
                InvitationUnit = DeadlineUnit.CalendarDays,
            },
            new DeadlineRule
            {
                Body = Body,
                PaperKind = Kinds[PaperKindKeys.Inquiry],
                Label = "Anfragen",
                LegalBasis = "§ 5 Abs. 1 GeschO",
                FilingPeriod = 9,
                FilingUnit = DeadlineUnit.CalendarDays,
                InvitationPeriod = 7,
                InvitationUnit = DeadlineUnit.CalendarDays,
                AnswerPeriod = 7,
                AnswerBasis = AnswerDueBasis.BeforeMeeting,
            });
    }
}
