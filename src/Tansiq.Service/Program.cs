using Tansiq.Service;

// `dotnet Tansiq.Service.dll` runs the service alone (settings from appsettings, environment TANSIQ__DATA etc. or
// --Tansiq:Data=DIR); `./tansiq serve` is the usual way in. Tests start it through WebApplicationFactory<Program>.
var app = TansiqServer.Build(args, configure: null);
await app.RunAsync();

/// <summary>The entry point, named for WebApplicationFactory.</summary>
public partial class Program;
