using System.Text.Json.Nodes;

namespace OpenRis.Web.Tests.OParl;

public sealed partial class OParlCrawler
{
    /// <summary>
    /// Links that have an inverse in the schema (its "backreference" annotations): where one side
    /// names the other, the other names it back. (property of the object, type it points to,
    /// property there that must point back, whether that one is an array)
    /// </summary>
    private static readonly (string Type, string Property, string Target, string Back, bool BackIsArray)[] InverseLinks =
    [
        ("AgendaItem", "consultation", "Consultation", "agendaItem", false),
        ("Membership", "organization", "Organization", "membership", true),
        ("Organization", "membership", "Membership", "organization", false),
        ("Paper", "superordinatedPaper", "Paper", "subordinatedPaper", true),
        ("Paper", "subordinatedPaper", "Paper", "superordinatedPaper", true),
        ("File", "masterFile", "File", "derivativeFile", true),
        ("File", "derivativeFile", "File", "masterFile", false),
    ];

    /// <summary>Both ends of a two-way link agree; a consultation's agenda item belongs to the consultation's meeting.</summary>
    private void CheckInverseLinks()
    {
        var objects = Objects;
        var live = objects.Values.Where(o => !OParlRules.IsTombstone(o)).ToList();
        foreach (var (type, property, target, back, backIsArray) in InverseLinks)
        {
            foreach (var o in live.Where(o => OParlRules.Text(o, "type") == OParlSchemas.Namespace + type))
            {
                var id = OParlRules.Describe(o);
                var targets = o[property] is JsonArray a ? a.Select(t => t?.ToString()) : [OParlRules.Text(o, property)];
                foreach (var url in targets.OfType<string>())
                {
                    if (objects.GetValueOrDefault(url) is { } other && !OParlRules.IsTombstone(other)
                        && OParlRules.Text(other, "type") == OParlSchemas.Namespace + target && !Names(other[back], id, backIsArray))
                    {
                        Report.Fail("checklist:inverse-link", $"{id} › {property} names {url}, whose {back} is {Short(other[back])}");
                    }
                }
            }
        }
        foreach (var consultation in live.Where(o => OParlRules.Text(o, "type") == OParlSchemas.Namespace + "Consultation"))
        {
            if (OParlRules.Text(consultation, "agendaItem") is { } item && OParlRules.Text(consultation, "meeting") is { } meeting
                && objects.GetValueOrDefault(item) is { } agendaItem && OParlRules.Text(agendaItem, "meeting") is { } itemMeeting && itemMeeting != meeting)
            {
                Report.Fail("checklist:inverse-link", $"{OParlRules.Describe(consultation)}: agendaItem {item} is in {itemMeeting}, but meeting is {meeting}");
            }
        }
    }
}
