using ChatTranscripts.Infrastructure.Tests;

// One compile and one snapshot of infra/main.bicep for the whole run.
[assembly: AssemblyFixture(typeof(InfrastructureTemplate))]
