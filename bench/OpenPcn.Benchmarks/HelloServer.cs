using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OpenPcn.Benchmarks;

/// <summary>The baseline for start-up: the smallest ASP.NET Core app answering one page, started the same way.</summary>
internal static class HelloServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var app = builder.Build();
        app.MapGet("/", () => Results.Content("<!doctype html><title>hello</title><h1>Hello</h1>", "text/html"));
        await app.RunAsync();
        return 0;
    }
}
