namespace ChatTranscripts.Pipeline.Application.Validation;

/// <summary>
/// The fields of one object, each checked against the contract's rules (<see cref="FieldRules"/>) with a message per
/// bad field under its path: a JSON body's (<see cref="JsonFieldReader"/>), or values already in memory
/// (<see cref="ValueFieldReader"/>), so a post built from a platform's payload meets exactly the rules a posted one does.
/// </summary>
public interface IFieldReader
{
    ValidationErrors Errors { get; }

    string PathOf(string field);

    /// <param name="singleLine">Refuses tab and line breaks too: for names, titles and labels, as opposed to text a person wrote.</param>
    string? String(string field, bool required, int minLength, int maxLength, bool singleLine = false);

    DateTimeOffset? Timestamp(string field, bool required);

    long? Integer(string field, bool required, long min, long max);

    IFieldReader? Object(string field, bool required);
}
