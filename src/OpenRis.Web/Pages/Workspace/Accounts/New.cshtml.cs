using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Accounts;

/// <summary>The administrator creates an account with a first password, through Identity's UserManager.</summary>
[Authorize(Roles = nameof(RisRole.Administrator))]
public sealed class NewModel(RisDbContext db, UserManager<RisUser> users, ILogger<NewModel> logger) : PageModel
{
    [BindProperty]
    [Display(Name = "Benutzername")]
    [Required(ErrorMessage = "Bitte geben Sie den Benutzernamen an.")]
    public string? UserName { get; set; }

    [BindProperty]
    [Display(Name = "Erstes Passwort (mindestens 10 Zeichen)")]
    [Required(ErrorMessage = "Bitte geben Sie ein erstes Passwort an.")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty]
    public AccountForm Form { get; set; } = new();

    public List<Organization> Organizations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Neues Konto";
        Organizations = await AccountForm.OrganizationsAsync(db, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        var user = new RisUser { UserName = UserName?.Trim(), EmailConfirmed = true };
        if (!Form.ApplyTo(user, Organizations, ModelState, nameof(Form)))
        {
            return Page();
        }
        var created = await users.CreateAsync(user, Password!);
        if (!created.Succeeded)
        {
            AccountForm.AddErrors(ModelState, created);
            return Page();
        }
        logger.LogInformation("Account {UserName} created with role {Role} by {Administrator}", user.UserName, user.Role, User.Identity?.Name);
        TempData["Message"] = $"Das Konto „{user.UserName}“ ist angelegt.";
        return Redirect("/arbeitsbereich/konten");
    }
}
