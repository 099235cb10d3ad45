using OpenPcn.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddOpenPcnWeb();

var app = builder.Build();
app.UseOpenPcnWeb();
await app.PrepareDatabaseAsync();
await app.RunAsync();
