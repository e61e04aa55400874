using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Model;

public sealed class MeetingAgendaTests
{
    [Fact]
    public void PlaceOnAgenda_UnderInquiriesHeading_NumbersAndShiftsLaterItems()
    {
        var meeting = new Meeting { Id = 3 };
        string[] numbers = ["I.1", "I.4", "I.5", "II.1"];
        string[] names = ["Eröffnung", "Anfragen", "Anträge", "Grundstücke"];
        for (var i = 0; i < numbers.Length; i++)
        {
            meeting.AgendaItems.Add(new AgendaItem { Number = numbers[i], Name = names[i], Order = i, Public = i < 3 });
        }
        var paper = new Paper { Kind = new PaperKind { HasQuestions = true }, Name = "Anfrage der Fraktion Hagen Aktiv", Subject = "E-Government" };

        var item = meeting.PlaceOnAgenda(paper, "Beantwortung", null);
        var again = meeting.PlaceOnAgenda(paper, "Beantwortung", null);

        Assert.Same(item, again);
        Assert.Equal("I.4.1", item.Number);
        Assert.Equal(2, item.Order);
        Assert.Equal("Anfrage der Fraktion Hagen Aktiv – hier: E-Government", item.Name);
        Assert.Equal(["I.1", "I.4", "I.4.1", "I.5", "II.1"], meeting.AgendaItems.OrderBy(i => i.Order).Select(i => i.Number));
        Assert.Equal("Beantwortung", Assert.Single(paper.Consultations).Role);
    }
}
