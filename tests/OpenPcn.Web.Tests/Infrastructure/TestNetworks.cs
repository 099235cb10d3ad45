using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;
using OpenPcn.TestSupport;

namespace OpenPcn.Web.Tests.Infrastructure;

public sealed record SeededUser(string Email, string Role, string UserId);

/// <summary>A real (non-demo) network seeded for web tests: practices, a partner, a clinical director, one user per role.</summary>
public sealed record SeededNetwork(
    int PcnId,
    string Code,
    string Name,
    IReadOnlyList<string> PracticeCodes,
    IReadOnlyList<string> PracticeNames,
    Guid PartnerId,
    string PartnerName,
    Guid DirectorId,
    string DirectorName,
    IReadOnlyDictionary<string, SeededUser> Users)
{
    public SeededUser User(string role) => Users[role];
}

public static class TestNetworks
{
    public const string Password = "correct-horse-battery";

    /// <summary>
    /// Network A (U11111) and network B (U22222) in the same ICB. B's names are distinctive so a test can look for
    /// them in anything A's users are shown.
    /// </summary>
    public static async Task<(SeededNetwork A, SeededNetwork B)> SeedTwoAsync(TestDatabase db)
    {
        var a = await SeedAsync(db, "U11111", "Alder Vale PCN (test A)", "a.test", "Alder Community Trust", "Dr Alice Adams", ("Z81001", 12_000), ("Z81002", 9_000));
        var b = await SeedAsync(db, "U22222", "Birch Downs PCN (test B)", "b.test", "Birch Secret Partner Trust", "Dr Bravo Secretsson", ("Z92001", 15_000), ("Z92002", 11_000));
        return (a, b);
    }

    public static async Task<SeededNetwork> SeedAsync(TestDatabase db, string code, string name, string emailDomain, string partnerName, string directorName,
        params (string Code, int List)[] practices)
    {
        var pcnId = await db.CreateNetworkAsync(code, name, "QOP", practices);
        var practiceCodes = practices.Select(p => p.Code).ToList();
        var practiceNames = practiceCodes.Select((_, i) => $"{name.Split(' ')[0]} Surgery {i + 1}").ToList();

        PartnerView partner;
        ClinicalDirectorView director;
        await using (var scope = db.PcnScope(pcnId, actor: "seed"))
        {
            var network = scope.ServiceProvider.GetRequiredService<NetworkService>();
            for (var i = 0; i < practiceCodes.Count; i++)
            {
                await network.UpdatePracticeAsync(PracticeCode.Parse(practiceCodes[i]), new PracticeUpdateInput(practiceNames[i], "LS1 1AA", ClinicalSystem.Emis));
            }

            partner = await network.AddPartnerAsync(new PartnerInput(partnerName, PartnerKind.CommunityServices, OdsCode.Parse("RX1"), new DateOnly(2020, 4, 1), null, "Team lead"));
            director = await network.AddClinicalDirectorAsync(new ClinicalDirectorInput(directorName, PracticeCode.Parse(practiceCodes[0]), 2m, new DateOnly(2022, 4, 1), null));
        }

        var users = new Dictionary<string, SeededUser>();
        await using (var scope = db.SystemScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<UserService>();
            foreach (var role in Roles.All)
            {
                var email = $"{role.ToLowerInvariant()}@{emailDomain}";
                PracticeCode? practice = Roles.PracticeScoped.Contains(role) ? PracticeCode.Parse(practiceCodes[0]) : null;
                var user = await service.CreateAsync(pcnId, new NewUserInput(email, $"{role} of {code}", Password, [role], practice));
                users[role] = new SeededUser(email, role, user.UserId);
            }
        }

        return new SeededNetwork(pcnId, code, name, practiceCodes, practiceNames, partner.PartnerId, partnerName, director.ClinicalDirectorId, directorName, users);
    }
}
