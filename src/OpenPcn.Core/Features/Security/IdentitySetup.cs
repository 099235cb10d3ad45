using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace OpenPcn.Core.Features.Security;

/// <summary>Identity settings shared by the web app and the CLI, so a password set in one works in the other.</summary>
public static class IdentitySetup
{
    /// <summary>
    /// Length over composition (NCSC guidance): at least 12 characters, no forced symbols. Five wrong attempts lock
    /// the account for 15 minutes.
    /// </summary>
    public static void Configure(IdentityOptions options)
    {
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>PBKDF2 with HMAC-SHA512 (Identity's v3 format) at OWASP's recommended 210,000 iterations.</summary>
    public static void ConfigureHasher(PasswordHasherOptions options)
    {
        options.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
        options.IterationCount = 210_000;
    }

    public static IServiceCollection AddOpenPcnPasswordHashing(this IServiceCollection services) =>
        services.Configure<PasswordHasherOptions>(ConfigureHasher);

    /// <summary>Users and roles on the <see cref="Storage.PcnDbContext"/>; the web app adds sign-in on top.</summary>
    public static IdentityBuilder AddOpenPcnIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<OpenPcnUser>(Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<Storage.PcnDbContext>();
}
