using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Demo;

/// <summary>One account per role for the demo municipality, all with the password in the README.</summary>
public static class DemoAccounts
{
    public const string Password = "OpenRIS-Demo-2018";

    public const string CouncilMember = "ratsmitglied";
    public const string FactionOffice = "fraktion";
    public const string OtherFactionOffice = "fraktion-cdu";
    public const string CouncilOffice = "ratsbuero";
    public const string Clerk = "amt11";
    public const string CoSigningClerk = "habit";
    public const string Approver = "oberbuergermeister";
    public const string Administrator = "admin";

    // PBKDF2 is slow on purpose; every demo account shares one hash, computed once per process.
    private static string? _hash;

    public static async Task SeedAsync(RisDbContext db, UserManager<RisUser> users, CancellationToken cancellationToken = default)
    {
        var organizations = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.ShortName ?? o.Name, o => o.Id, cancellationToken);
        long? Org(string shortName) => organizations.TryGetValue(shortName, out var id) ? id : null;
        (string UserName, string DisplayName, string? Function, RisRole Role, long? Organization)[] accounts =
        [
            (CouncilMember, "Martina Kessler", "Ratsmitglied", RisRole.CouncilMember, Org("Hagen Aktiv")),
            (FactionOffice, "Karin Nigbur-Martini", "Fraktionsgeschäftsführerin", RisRole.FactionOffice, Org("Hagen Aktiv")),
            (OtherFactionOffice, "Geschäftsstelle der CDU-Fraktion", "Fraktionsgeschäftsstelle", RisRole.FactionOffice, Org("CDU")),
            (CouncilOffice, "Ratsbüro", "Ratsbüro", RisRole.CouncilOffice, null),
            (Clerk, "Sachbearbeitung Amt 11", "Amt 11", RisRole.DepartmentClerk, Org("11")),
            (CoSigningClerk, "Sachbearbeitung HABIT", "HABIT", RisRole.DepartmentClerk, Org("HABIT")),
            (Approver, "Erik O. Schulz", "Oberbürgermeister", RisRole.Approver, Org("OB")),
            (Administrator, "Administration", null, RisRole.Administrator, null),
        ];
        foreach (var account in accounts)
        {
            var user = new RisUser
            {
                UserName = account.UserName,
                Email = $"{account.UserName}@demo.openris.example",
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                Function = account.Function,
                Role = account.Role,
                OrganizationId = account.Organization,
            };
            user.PasswordHash = _hash ??= users.PasswordHasher.HashPassword(user, Password);
            var result = await users.CreateAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.UserName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
        }
    }
}
