using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenRis.Web.Accounts;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Accounts;

public sealed class LoginModel(SignInManager<RisUser> signIn, OpenIdConnectLoginOptions openIdConnect, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Bitte geben Sie Ihren Benutzernamen ein.")]
    [Display(Name = "Benutzername")]
    public string UserName { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Bitte geben Sie Ihr Passwort ein.")]
    [DataType(DataType.Password)]
    [Display(Name = "Passwort")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public OpenIdConnectLoginOptions OpenIdConnect => openIdConnect;

    public void OnGet() => ViewData["Title"] = "Anmelden";

    public async Task<IActionResult> OnPostAsync()
    {
        ViewData["Title"] = "Anmelden";
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(UserName, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/arbeitsbereich");
        }
        // Account rows are kept out of the audit trail; the log is where the security officer looks
        // for guessing (a name that does not exist is logged the same way, the password never).
        if (result.IsLockedOut)
        {
            logger.LogWarning("Login refused for {UserName}: the account is locked out after repeated wrong passwords", UserName);
        }
        else
        {
            logger.LogInformation("Login failed for {UserName}", UserName);
        }
        ModelState.AddModelError("", result.IsLockedOut
            ? "Dieses Konto ist nach mehreren Fehlversuchen vorübergehend gesperrt. Bitte versuchen Sie es in 15 Minuten erneut."
            : "Benutzername oder Passwort stimmen nicht.");
        return Page();
    }

    /// <summary>Starts the login at the municipal identity provider, when one is configured.</summary>
    public IActionResult OnPostExternal()
    {
        if (!openIdConnect.Enabled)
        {
            return NotFound();
        }
        var target = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/arbeitsbereich";
        return Challenge(new AuthenticationProperties { RedirectUri = target }, OpenIdConnectLoginOptions.Scheme);
    }
}
