using OpenRis.Web.Model;
using OpenRis.Web.Search;

namespace OpenRis.Web.Tests.Model;

/// <summary>The rules of a follow of a saved search, without a database.</summary>
public sealed class FollowTests
{
    private static readonly DateTime Now = new(2018, 9, 15, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Start_Search_KeepsTheSavedSearchAndNothingElse()
    {
        var follow = Follow.Start("presse@beispiel.de", FollowTarget.Search, 7, 8, "q=Radweg&art=Antrag", 7, Now);

        Assert.Equal("q=Radweg&art=Antrag", follow.Query);
        Assert.Null(follow.PaperId);
        Assert.Null(follow.OrganizationId);
        Assert.False(follow.IsActive);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Start_SearchWithoutQuery_ThrowsGermanMessage(string? query)
    {
        var e = Assert.Throws<WorkflowException>(() => Follow.Start("presse@beispiel.de", FollowTarget.Search, null, null, query, 1, Now));
        Assert.Contains("Suche", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_SearchLongerThanTheColumn_ThrowsGermanMessage()
    {
        var e = Assert.Throws<WorkflowException>(() => Follow.Start("presse@beispiel.de", FollowTarget.Search, null, null, "q=" + new string('a', Follow.MaxQueryLength), 1, Now));
        Assert.Contains("zu lang", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SavedSearch_RoundTripsWordsAndFilters_DropsSortAndPage()
    {
        var (request, errors) = SearchRequest.FromSavedSearch("q=Stra%C3%9Fe+%26+Radweg&jahr=2018&art=Antrag&art=Anfrage&sortierung=datum&seite=3");
        Assert.Empty(errors);

        var saved = request!.ToSavedSearch();
        var again = SearchRequest.FromSavedSearch(saved).Request!;

        Assert.DoesNotContain("sortierung", saved, StringComparison.Ordinal);
        Assert.DoesNotContain("seite", saved, StringComparison.Ordinal);
        Assert.Equal("Straße & Radweg", again.Query);
        Assert.Equal(["Antrag", "Anfrage"], again.Filters[SearchFields.Kind]);
        Assert.Equal("„Straße & Radweg“ (Art: Antrag oder Anfrage; Jahr: 2018)", again.Describe());
    }
}
