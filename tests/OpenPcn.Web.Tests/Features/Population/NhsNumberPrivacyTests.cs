using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.Features.Population;

/// <summary>
/// An NHS number searched for, on the page or through the API, never reaches a URL or a log line, even with every
/// logger (ASP.NET Core's request logging included) turned up to Debug.
/// </summary>
[Trait("Category", "Functional")]
public sealed class NhsNumberPrivacyTests
{
    [Fact]
    public async Task FindPatient_PageAndApiWithDebugLogging_NeverPutTheNhsNumberInALogOrAUrl()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await PopulationFixture.SeedAsync(db);
        var logs = new CapturingLoggerProvider();
        await using var app = new OpenPcnWebFactory(db)
        {
            TestServices = services =>
            {
                services.AddSingleton<ILoggerProvider>(logs);
                services.Configure<LoggerFilterOptions>(o =>
                {
                    o.Rules.Clear();
                    o.MinLevel = LogLevel.Debug;
                });
            },
        };
        var browser = await Browser.SignedInAsync(app, a.User(Roles.ClinicalDirector).Email, TestNetworks.Password);
        using var api = await Browser.ApiClientAsync(app, a.User(Roles.ClinicalDirector).Email, TestNetworks.Password);

        using var page = await Browser.SubmitAsync(browser, "/population/patients", "find-patient", new() { ["nhsNumber"] = PopulationFixture.Nhs1 });
        using var record = await browser.GetAsync(page.Headers.Location);
        using var invalid = await Browser.SubmitAsync(browser, "/population/patients", "find-patient", new() { ["nhsNumber"] = "9434765918" });
        using var search = await api.PostAsJsonAsync("/api/v1/population/patients/search", new { nhsNumber = PopulationFixture.Nhs1 });
        using var bad = await api.PostAsJsonAsync("/api/v1/population/patients/search", new { nhsNumber = "9434765918" });

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.OK, HttpStatusCode.OK), (page.StatusCode, record.StatusCode, search.StatusCode));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.BadRequest), (invalid.StatusCode, bad.StatusCode));
        Assert.True(logs.Lines.Any(l => l.Contains("/population/patients", StringComparison.Ordinal)), "The request log was not captured.");
        var formatted = NhsNumber.Parse(PopulationFixture.Nhs1).Formatted;
        foreach (var secret in (string[])[PopulationFixture.Nhs1, formatted, formatted.Replace(" ", "+", StringComparison.Ordinal), "9434765918"])
        {
            Assert.DoesNotContain(logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                // The message and every structured value, as a log sink that stores properties would keep them.
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
                lines.Enqueue($"{category}: {formatter(state, exception)} {values} {exception}");
            }
        }
    }
}
