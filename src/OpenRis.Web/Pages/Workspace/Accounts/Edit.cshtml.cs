using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Accounts;

/// <summary>
/// The administrator changes an account's role and binding, locks or unlocks it, or sets a new
/// password. Every change renews the security stamp, so the account's open sessions end at their
/// next check (Identity's interval) instead of acting on with the old role.
/// </summary>
[Authorize(Roles = nameof(RisRole.Administrator))]
public sealed class EditModel(RisDbContext db, UserManager<RisUser> users, ILogger<EditModel> logger) : PageModel
{
    public RisUser Account { get; private set; } = null!;
    public List<Organization> Organizations { get; private set; } = [];
    public bool IsLocked { get; private set; }

    /// <summary>The administrator's own account: it cannot lock itself out or give up its role here.</summary>
    public bool IsSelf { get; private set; }

    [BindProperty]
    public AccountForm Form { get; set; } = new();

    [BindProperty]
    [Display(Name = "Neues Passwort (mindestens 10 Zeichen)")]
    [DataType(DataType.Password)]
    public string? NewPassword { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Form = AccountForm.Of(Account);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (IsSelf && Form.Role != RisRole.Administrator)
        {
            ModelState.AddModelError("", "Sie können Ihrem eigenen Konto die Rolle „Administration“ nicht nehmen.");
        }
        var role = Account.Role;
        if (!Form.ApplyTo(Account, Organizations, ModelState, nameof(Form)))
        {
            return Page();
        }
        return await DoneAsync(await users.UpdateAsync(Account), $"Das Konto „{Account.UserName}“ ist gespeichert.", $"role {role} → {Account.Role}, organization {Account.OrganizationId}");
    }

    public async Task<IActionResult> OnPostLockAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ShowAccountFields();
        if (IsSelf)
        {
            ModelState.AddModelError("", "Sie können Ihr eigenes Konto nicht sperren.");
            return Page();
        }
        await users.SetLockoutEnabledAsync(Account, true);
        return await DoneAsync(await users.SetLockoutEndDateAsync(Account, DateTimeOffset.MaxValue), $"Das Konto „{Account.UserName}“ ist gesperrt.", "locked");
    }

    public async Task<IActionResult> OnPostUnlockAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ShowAccountFields();
        await users.ResetAccessFailedCountAsync(Account);
        return await DoneAsync(await users.SetLockoutEndDateAsync(Account, null), $"Das Konto „{Account.UserName}“ ist entsperrt.", "unlocked");
    }

    public async Task<IActionResult> OnPostPasswordAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ShowAccountFields();
        if (string.IsNullOrEmpty(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), "Bitte geben Sie das neue Passwort an.");
            return Page();
        }
        // Checked before the old password is removed, so a refused one leaves the account as it was.
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, Account, NewPassword);
            if (!checkedPassword.Succeeded)
            {
                AccountForm.AddErrors(ModelState, checkedPassword, nameof(NewPassword));
                return Page();
            }
        }
        var removed = await users.RemovePasswordAsync(Account);
        var result = removed.Succeeded ? await users.AddPasswordAsync(Account, NewPassword) : removed;
        return await DoneAsync(result, $"Für „{Account.UserName}“ gilt das neue Passwort.", "password set");
    }

    private async Task<IActionResult> DoneAsync(IdentityResult result, string message, string change)
    {
        if (result.Succeeded)
        {
            result = await users.UpdateSecurityStampAsync(Account);
        }
        if (!result.Succeeded)
        {
            AccountForm.AddErrors(ModelState, result);
            return Page();
        }
        // Account rows are kept out of the audit trail (password hashes); the log says who changed what.
        logger.LogInformation("Account {UserName} changed by {Administrator}: {Change}", Account.UserName, User.Identity?.Name, change);
        Message = message;
        return Redirect($"/arbeitsbereich/konten/{Account.Id}");
    }

    /// <summary>The other forms post no account fields: show the stored ones, without their validation errors.</summary>
    private void ShowAccountFields()
    {
        ModelState.Clear();
        Form = AccountForm.Of(Account);
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Konto bearbeiten";
        var account = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (account is null)
        {
            return false;
        }
        Account = account;
        Organizations = await AccountForm.OrganizationsAsync(db, cancellationToken);
        IsLocked = account.LockoutEnd > db.Clock.GetUtcNow();
        IsSelf = users.GetUserId(User) == account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }
}
