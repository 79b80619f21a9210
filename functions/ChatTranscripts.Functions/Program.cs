using ChatTranscripts.Functions.Telemetry;
using ChatTranscripts.Pipeline.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddChatTranscriptsTelemetry(builder.Configuration);
builder.Services.AddChatTranscripts(builder.Configuration);

// Azure is recognised by the setting the deployment writes, not guessed from platform variables (see DeploymentEnvironment).
builder.Services.AddDeploymentEnvironment(builder.Configuration);

await builder.Build().RunAsync();
