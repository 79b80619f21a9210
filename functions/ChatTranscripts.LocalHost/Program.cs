using ChatTranscripts.LocalHost;
using ChatTranscripts.LocalHost.Access;
using ChatTranscripts.LocalHost.Background;
using ChatTranscripts.LocalHost.Demo;
using ChatTranscripts.LocalHost.OpenApi;
using ChatTranscripts.Pipeline.Hosting;
using Microsoft.Extensions.Configuration.Memory;

var demo = args.Contains("--demo");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());

// Lowest priority: environment variables (AzureWebJobsStorage, Webhooks__Secret, …) and arguments override these.
builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
{
    InitialData = new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = DevelopmentStorage.ConnectionString,
        ["Publishing:Delay"] = "00:00:30",
        ["Publishing:LiveInterval"] = "00:00:30",
        // A first run shows the start-up banner and what the pipeline does, not a line per request and routing step.
        [$"Logging:LogLevel:{StartupBanner.RequestLogCategory}"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
    },
});
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls(NetworkExposure.DefaultUrl);
}

// Azurite must be listening before anything touches storage, so it starts first.
builder.Services.AddHostedService<DevelopmentStorage>();
builder.Services.AddChatTranscripts(builder.Configuration);
builder.Services.AddLocalHostAccess();
builder.Services.AddSingleton<ContinuousProcessor>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<ContinuousProcessor>());
builder.Services.AddHostedService<PublishSchedule>();
builder.Services.AddApiDocument();
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
    context.ProblemDetails.Detail ??= $"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path} is not a route of this API (see api.md).");

var app = builder.Build();
// Unknown routes and wrong methods answer problem+json too, like every other 4xx.
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapChatTranscriptsApi();
app.MapApiDocument();
app.MapStaticSite();
await app.StartAsync();

var demoTranscript = demo ? await DemoRun.RunAsync(app) : null;
StartupBanner.Print(app, demoTranscript);
await app.WaitForShutdownAsync();
