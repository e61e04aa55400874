using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Model;

/// <summary>The index's audience tokens grant exactly what PaperAccess grants, for every role, organization and state.</summary>
public sealed class SearchAudienceTests
{
    private static readonly PaperKind Inquiry = new() { Key = "inquiry", Name = "Anfrage", HasQuestions = true };
    private static readonly PaperKind Statement = new() { Key = "statement", Name = "Stellungnahme", AnswersQuestions = true };

    public static TheoryData<bool, PaperStatus, bool, bool> Papers()
    {
        var data = new TheoryData<bool, PaperStatus, bool, bool>();
        foreach (var statement in new[] { false, true })
        {
            foreach (var status in Enum.GetValues<PaperStatus>())
            {
                foreach (var isPublic in new[] { true, false })
                {
                    foreach (var received in new[] { true, false })
                    {
                        data.Add(statement, status, isPublic, received);
                    }
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Papers))]
    public void Of_MatchesPaperAccess_ForEveryReader(bool statement, PaperStatus status, bool isPublic, bool received)
    {
        var inquiry = new Paper { Kind = Inquiry, OwnerOrganizationId = 1, Status = PaperStatus.Published };
        var paper = new Paper
        {
            Kind = statement ? Statement : Inquiry,
            Status = status,
            Public = isPublic,
            OwnerOrganizationId = statement ? 2 : 1,
            ParentPaper = statement ? inquiry : null,
            ReceivedAt = received ? new DateTime(2018, 9, 14, 8, 0, 0, DateTimeKind.Utc) : null,
            Offices = [new PaperOffice { OrganizationId = 2 }, new PaperOffice { OrganizationId = 3 }],
        };
        var tokens = SearchAudience.Of(paper);
        Assert.Equal(paper.IsVisibleTo(null), SearchAudience.Of((Actor?)null).Intersect(tokens).Any());
        foreach (var role in Enum.GetValues<RisRole>())
        {
            foreach (long? organization in new long?[] { null, 1, 2, 3, 4 })
            {
                var actor = new Actor("x", role, organization);
                Assert.True(paper.IsVisibleTo(actor) == SearchAudience.Of(actor).Intersect(tokens).Any(), $"{role} for {organization}");
            }
        }
    }
}
