namespace Tansiq.Service;

/// <summary>
/// <c>dotnet Tansiq.Service.dll</c> runs the service alone (settings from the environment, e.g. <c>Tansiq__Data=DIR</c>,
/// or <c>--Tansiq:Data=DIR</c>); <c>./tansiq serve</c> is the usual way in. Tests start it through
/// <c>WebApplicationFactory&lt;ServiceProgram&gt;</c>.
/// </summary>
public sealed class ServiceProgram
{
    private ServiceProgram()
    {
    }

    public static async Task Main(string[] args)
    {
        var app = TansiqServer.Build(args, configure: null);
        await app.RunAsync();
    }
}
