using ChatTranscripts.Pipeline;
using ChatTranscripts.Pipeline.Ingest;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();
builder.Services.AddChatTranscripts(builder.Configuration);

// In Azure the webhook secret is mandatory: an app deployed without one refuses to start instead of accepting unsigned posts.
if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WEBSITE_INSTANCE_ID")))
{
    builder.Services.PostConfigure<WebhookOptions>(options => options.RequireSecret = true);
}

await builder.Build().RunAsync();
