using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Demo;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Workflow;

/// <summary>The administrator manages accounts over HTTP through Identity: create, change role, lock and unlock, set a password.</summary>
public sealed class AccountAdministrationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private const string NewPassword = "Neues-Passwort-2018";

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Administrator_CreatesChangesLocksUnlocksAndResetsAnAccount(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var admin = await app.SignInAsync(DemoAccounts.Administrator);

        var list = await admin.PageAsync("/arbeitsbereich/konten");
        Assert.Contains(list.QuerySelectorAll("table.accounts td"), td => td.TextContent == DemoAccounts.Clerk);

        // Refused: a faction office without a faction, a short password, a name that exists.
        var form = await admin.PageAsync("/arbeitsbereich/konten/neu");
        var spd = form.Option("Form.OrganizationId", "SPD");
        using (var noFaction = await admin.SubmitAsync("/arbeitsbereich/konten/neu", "Konto anlegen", new()
        {
            ["UserName"] = "fraktion-spd",
            ["Password"] = "kurz",
            ["Form.DisplayName"] = "Geschäftsstelle der SPD-Fraktion",
            ["Form.Role"] = nameof(RisRole.FactionOffice),
            ["Form.OrganizationId"] = "",
        }))
        {
            var errors = (await FormClient.ParseAsync(noFaction)).QuerySelector(".error-summary")!.TextContent;
            Assert.Contains("braucht eine Fraktion", errors, StringComparison.Ordinal);
        }
        using (var weak = await admin.SubmitAsync("/arbeitsbereich/konten/neu", "Konto anlegen", new()
        {
            ["UserName"] = DemoAccounts.Clerk,
            ["Password"] = "kurz",
            ["Form.DisplayName"] = "Doppelt",
            ["Form.Role"] = nameof(RisRole.FactionOffice),
            ["Form.OrganizationId"] = spd,
        }))
        {
            var errors = (await FormClient.ParseAsync(weak)).QuerySelector(".error-summary")!.TextContent;
            Assert.Contains("mindestens 10 Zeichen", errors, StringComparison.Ordinal);
        }
        await using (var db = database.NewContext())
        {
            Assert.False(await db.Users.AnyAsync(u => u.UserName == "fraktion-spd", Token));
        }

        using (var created = await admin.SubmitAsync("/arbeitsbereich/konten/neu", "Konto anlegen", new()
        {
            ["UserName"] = "fraktion-spd",
            ["Password"] = NewPassword,
            ["Form.DisplayName"] = "Geschäftsstelle der SPD-Fraktion",
            ["Form.Email"] = "spd@demo.openris.example",
            ["Form.Role"] = nameof(RisRole.FactionOffice),
            ["Form.OrganizationId"] = spd,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }
        long id;
        await using (var db = database.NewContext())
        {
            var user = await db.Users.Include(u => u.Organization).SingleAsync(u => u.UserName == "fraktion-spd", Token);
            Assert.Equal((RisRole.FactionOffice, "spd@demo.openris.example"), (user.Role, user.Email));
            Assert.StartsWith("SPD", user.Organization!.ShortName, StringComparison.Ordinal);
            Assert.DoesNotContain(NewPassword, user.PasswordHash, StringComparison.Ordinal);
            id = user.Id;
        }
        var spdOffice = await app.SignInAsync("fraktion-spd", NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await spdOffice.GetAsync(new Uri("/arbeitsbereich/vorlagen/neu", UriKind.Relative), Token)).StatusCode);

        // Role change: now a council member of the same faction; the next sign-in carries the new role.
        var path = $"/arbeitsbereich/konten/{id}";
        using (var changed = await admin.SubmitAsync(path, "Speichern", new() { ["Form.Role"] = nameof(RisRole.CouncilMember) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }
        var member = await app.SignInAsync("fraktion-spd", NewPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(new Uri("/arbeitsbereich/vorlagen/neu", UriKind.Relative), Token)).StatusCode);

        // Locked: the password no longer signs in; unlocked: it does again.
        using (var locked = await admin.SubmitAsync(path, "Sperren", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        }
        Assert.Equal("Zustand: gesperrt", (await admin.PageAsync(path)).QuerySelector("p.state")!.TextContent);
        var refused = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var attempt = await refused.SubmitAsync("/anmelden", "Anmelden", new() { ["UserName"] = "fraktion-spd", ["Password"] = NewPassword }))
        {
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }
        using (var unlocked = await admin.SubmitAsync(path, "Entsperren", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        }

        // A new password replaces the old one; a weak one is refused and the old one stays.
        using (var weakPassword = await admin.SubmitAsync(path, "Passwort setzen", new() { ["NewPassword"] = "kurz" }))
        {
            Assert.Contains("mindestens 10 Zeichen", (await FormClient.ParseAsync(weakPassword)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        _ = await app.SignInAsync("fraktion-spd", NewPassword);
        using (var reset = await admin.SubmitAsync(path, "Passwort setzen", new() { ["NewPassword"] = "Noch-ein-Passwort-99" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        }
        _ = await app.SignInAsync("fraktion-spd", "Noch-ein-Passwort-99");
        using (var old = await refused.SubmitAsync("/anmelden", "Anmelden", new() { ["UserName"] = "fraktion-spd", ["Password"] = NewPassword }))
        {
            Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        }
    }

    [Fact]
    public async Task AccountPages_AreForTheAdministratorOnly_AndNeedTheFormToken()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = new RisApp(database);
        long clerkId, adminId;
        await using (var db = await database.MigratedContextAsync())
        {
            _ = app.Client(); // starts the host, which seeds the demo accounts
            clerkId = await db.Users.Where(u => u.UserName == DemoAccounts.Clerk).Select(u => u.Id).SingleAsync(Token);
            adminId = await db.Users.Where(u => u.UserName == DemoAccounts.Administrator).Select(u => u.Id).SingleAsync(Token);
        }
        string[] pages = ["/arbeitsbereich/konten", "/arbeitsbereich/konten/neu", $"/arbeitsbereich/konten/{clerkId}"];
        foreach (var page in pages)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync(new Uri(page, UriKind.Relative), Token)).StatusCode);
        }
        foreach (var user in new[] { DemoAccounts.CouncilOffice, DemoAccounts.Approver, DemoAccounts.FactionOffice, DemoAccounts.Clerk })
        {
            var client = await app.SignInAsync(user);
            foreach (var page in pages)
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri(page, UriKind.Relative), Token)).StatusCode);
            }
            // A non-admin with a valid form token of its own still cannot lock anyone.
            using var post = await client.PostWithTokenAsync($"/arbeitsbereich/konten/{clerkId}?handler=Lock");
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        var admin = await app.SignInAsync(DemoAccounts.Administrator);
        // Without the antiforgery token the post is refused and nothing changes.
        using (var forged = await admin.PostAsync(new Uri($"/arbeitsbereich/konten/{clerkId}?handler=Lock", UriKind.Relative), new FormUrlEncodedContent([]), Token))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }
        // The administrator cannot lock itself out.
        var own = await admin.PageAsync($"/arbeitsbereich/konten/{adminId}");
        Assert.DoesNotContain(own.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Sperren");
        using (var self = await admin.PostWithTokenAsync($"/arbeitsbereich/konten/{adminId}?handler=Lock"))
        {
            Assert.Contains("eigenes Konto nicht sperren", (await FormClient.ParseAsync(self)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        await using var check = database.NewContext();
        Assert.All(await check.Users.Where(u => u.Id == clerkId || u.Id == adminId).ToListAsync(Token), u => Assert.Null(u.LockoutEnd));
    }
}
