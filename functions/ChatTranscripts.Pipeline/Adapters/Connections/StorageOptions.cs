using System.ComponentModel.DataAnnotations;

namespace ChatTranscripts.Pipeline.Adapters.Connections;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Prepended to every table name, so several deployments (or test runs) can share one account.</summary>
    [RegularExpression("^([A-Za-z][A-Za-z0-9]{0,20})?$", ErrorMessage = "Storage:TablePrefix must start with a letter and hold at most 21 letters or digits.")]
    public string TablePrefix { get; set; } = "";
}
