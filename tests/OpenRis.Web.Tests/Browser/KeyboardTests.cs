using Microsoft.Playwright;

namespace OpenRis.Web.Tests.Browser;

/// <summary>Keyboard-only use: the skip link comes first and works, and Tab reaches every link and control with a visible focus.</summary>
[Collection(BrowserGroup.Name)]
public sealed class KeyboardTests(BrowserSite site)
{
    [Fact]
    public async Task SkipLink_IsFirstAndMovesFocusToTheContent()
    {
        var page = await site.OpenAsync("/");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Zum Inhalt springen", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        Assert.True(await page.Locator(".skip-link").IsVisibleAsync());
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("inhalt", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Context.CloseAsync();
    }

    public static TheoryData<string> PageTypes => new(BrowserPages.Types);

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task Tab_ReachesEveryFocusableElementWithVisibleFocus(string type)
    {
        var page = await site.OpenAsync(site.Pages[type], type == "error" ? 404 : 200);
        var focusable = await page.EvaluateAsync<int>(FocusableCountScript);

        var reached = new HashSet<string>();
        for (var i = 0; i < focusable + 5; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<string?>(FocusScript);
            if (focus is null)
            {
                continue; // focus left the document (browser chrome) after the last element
            }
            Assert.False(focus.EndsWith(" hidden", StringComparison.Ordinal), $"{type}: focus on {focus} has no visible outline");
            reached.Add(focus);
        }

        Assert.Equal(focusable, reached.Count);
        await page.Context.CloseAsync();
    }

    // A radio group is one tab stop (its checked radio, else its first), as the browser does.
    private const string FocusableCountScript = """
        () => [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
            .filter(e => {
                if (e.type !== 'radio') return true;
                const group = [...document.querySelectorAll('input[type=radio]')].filter(r => r.name === e.name && r.form === e.form);
                return e === (group.find(r => r.checked) ?? group[0]);
            }).length
        """;

    // An element is keyed by its position in document order, so that two links with the same text count twice;
    // an element without a visible focus indicator gets the suffix " hidden".
    private const string FocusScript = """
        () => {
            const e = document.activeElement;
            if (!e || e === document.body) return null;
            const all = [...document.querySelectorAll('*')];
            const style = getComputedStyle(e);
            const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
            return e.tagName + '#' + all.indexOf(e) + ' ' + e.textContent.trim() + (visible ? '' : ' hidden');
        }
        """;
}
