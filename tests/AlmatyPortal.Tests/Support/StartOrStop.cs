namespace AlmatyPortal.Tests.Support;

/// <summary>
/// The start of a test class that runs processes of its own (published portals, nginx). xunit does not dispose a test
/// class whose InitializeAsync threw, so a start that failed part-way (nginx missing, say) would leave what it had
/// started running after the run: this stops it before the failure goes on.
/// </summary>
public static class StartOrStop
{
    public static async Task RunAsync(Func<Task> start, Func<Task> stop)
    {
        try
        {
            await start();
        }
        catch
        {
            await stop();
            throw;
        }
    }
}
