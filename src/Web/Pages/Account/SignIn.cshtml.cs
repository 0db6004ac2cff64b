using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placements.Accounts;

namespace Placements.Web.Pages.Account;

/// <summary>Sign in with a local account, or with the council's identity provider when one is configured.</summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<StaffUser> signIn, IAuthenticationSchemeProvider schemes) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool OrganisationSignIn { get; private set; }

    public async Task OnGetAsync() => OrganisationSignIn = await HasOrganisationSignInAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        OrganisationSignIn = await HasOrganisationSignInAsync();
        if (string.IsNullOrWhiteSpace(UserName)) ModelState.AddModelError(nameof(UserName), "Enter your user name");
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "Enter your password");
        if (!ModelState.IsValid) return Page();

        var result = await signIn.PasswordSignInAsync(UserName!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl);
        ModelState.AddModelError(nameof(UserName), result.IsLockedOut
            ? "This account is locked after too many failed attempts; try again in a few minutes"
            : "The user name or password is not right");
        return Page();
    }

    public async Task<IActionResult> OnPostOrganisationAsync() =>
        await HasOrganisationSignInAsync()
            ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl }, OpenIdConnectDefaults.AuthenticationScheme)
            : NotFound();

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    private async Task<bool> HasOrganisationSignInAsync() => await schemes.GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme) is not null;
}
