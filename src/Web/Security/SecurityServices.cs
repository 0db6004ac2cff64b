using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Placements.Accounts;

namespace Placements.Web.Security;

public static class SecurityServices
{
    /// <summary>
    /// Local accounts (ASP.NET Core Identity) always; OpenID Connect (e.g. Microsoft Entra ID) as well when
    /// <c>Authentication:OpenIdConnect:Authority</c> and <c>ClientId</c> are configured. Roles come from the
    /// identity provider's <c>roles</c> claim, whose values must be the product's role names.
    /// </summary>
    public static void AddPlacementsSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuditActor>();
        builder.Services.AddScoped<StaffAccounts>();
        builder.Services.AddScoped<Commissioning.Auditing.IAuditActor>(sp => sp.GetRequiredService<AuditActor>());

        builder.Services.AddIdentity<StaffUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<AccountsDb>()
            .AddDefaultTokenProviders();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/SignIn";
            o.LogoutPath = "/Account/SignOut";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "placements.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // A program calling the JSON API cannot follow a redirect to the sign-in form: it gets 401 or 403 as problem+json.
            var toSignIn = o.Events.OnRedirectToLogin;
            var toAccessDenied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToLogin = c => Api.ApiProblems.IsApi(c.Request)
                ? Api.ApiProblems.WriteAsync(c.HttpContext, StatusCodes.Status401Unauthorized, "NotSignedIn",
                    "Sign in first: the API uses the same sign-in as the pages.")
                : toSignIn(c);
            o.Events.OnRedirectToAccessDenied = c => Api.ApiProblems.IsApi(c.Request)
                ? Api.ApiProblems.WriteAsync(c.HttpContext, StatusCodes.Status403Forbidden, "NotPermitted",
                    "Your role does not allow this. Ask your Placements administrator if you need it for your work.")
                : toAccessDenied(c);
        });
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "placements.antiforgery");

        var oidc = builder.Configuration.GetSection("Authentication:OpenIdConnect");
        if (!string.IsNullOrWhiteSpace(oidc["Authority"]) && !string.IsNullOrWhiteSpace(oidc["ClientId"]))
        {
            builder.Services.AddAuthentication().AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, "Organisation account", o =>
            {
                oidc.Bind(o);
                // The identity provider's principal (with its roles) becomes the application cookie: no local account needed.
                o.SignInScheme = IdentityConstants.ApplicationScheme;
                o.ResponseType = "code";
                o.TokenValidationParameters.RoleClaimType = "roles";
                o.TokenValidationParameters.NameClaimType = "preferred_username";
            });
        }
    }
}
