using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Accounts;

[Authorize]
public sealed class LogoutModel(SignInManager<RisUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/arbeitsbereich");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
