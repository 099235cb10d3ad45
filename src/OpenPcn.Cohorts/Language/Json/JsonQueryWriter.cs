using System.Globalization;
using System.Text.Json;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Language.Json;

/// <summary>Writes query model nodes as JSON objects with an <c>op</c> (series) or <c>frame</c> (frames) discriminator.</summary>
internal sealed class JsonQueryWriter(Utf8JsonWriter json)
{
    public void Query(CohortQuery query)
    {
        json.WriteStartObject();
        json.WritePropertyName("population");
        Series(query.Population);
        json.WriteStartArray("columns");
        foreach (var column in query.Columns)
        {
            json.WriteStartObject();
            json.WriteString("name", column.Name);
            json.WritePropertyName("value");
            Series(column.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public void Series(Series series)
    {
        json.WriteStartObject();
        switch (series)
        {
            case Value v:
                json.WriteString("op", "value");
                json.WriteString("type", JsonNames.Types[v.Type]);
                json.WritePropertyName("value");
                Constant(v.Constant);
                break;
            case IndexDate:
                json.WriteString("op", "index_date");
                break;
            case Column c:
                json.WriteString("op", "column");
                Frame("frame", c.Frame);
                json.WriteString("name", c.Name);
                break;
            case Unary u:
                json.WriteString("op", JsonNames.Unary[u.Operator]);
                Child("operand", u.Operand);
                break;
            case Binary b:
                json.WriteString("op", JsonNames.Binary[b.Operator]);
                Child("left", b.Left);
                Child("right", b.Right);
                break;
            case InCodelist c:
                json.WriteString("op", "in_codelist");
                Child("code", c.Code);
                json.WriteString("codelist", c.Codelist.Id);
                break;
            case AddDays a:
                json.WriteString("op", "add_days");
                Child("date", a.Date);
                Child("days", a.Days);
                break;
            case AddMonths a:
                json.WriteString("op", "add_months");
                Child("date", a.Date);
                json.WriteNumber("months", a.Months);
                break;
            case FinancialYearStart f:
                json.WriteString("op", "financial_year_start");
                Child("date", f.Date);
                break;
            case DaysBetween d:
                json.WriteString("op", "days_between");
                Child("from", d.From);
                Child("to", d.To);
                break;
            case YearsBetween y:
                json.WriteString("op", "years_between");
                Child("from", y.From);
                Child("to", y.To);
                break;
            case Case c:
                json.WriteString("op", "case");
                Child("when", c.When);
                Child("then", c.Then);
                if (c.Else is not null)
                {
                    Child("else", c.Else);
                }

                break;
            case Coalesce c:
                json.WriteString("op", "coalesce");
                Child("first", c.First);
                Child("second", c.Second);
                break;
            case Aggregate a:
                json.WriteString("op", JsonNames.Aggregate[a.Function]);
                Frame("frame", a.Frame);
                if (a.Of is not null)
                {
                    Child("of", a.Of);
                }

                break;
            default:
                throw new CohortModelException($"The JSON form has no node for {series.GetType().Name}.");
        }

        json.WriteEndObject();
    }

    private void Child(string name, Series series)
    {
        json.WritePropertyName(name);
        Series(series);
    }

    private void Frame(string name, Frame frame)
    {
        json.WritePropertyName(name);
        json.WriteStartObject();
        switch (frame)
        {
            case TableFrame t:
                json.WriteString("frame", "table");
                json.WriteString("table", t.Source.Name);
                break;
            case FilteredFrame f:
                json.WriteString("frame", "where");
                Frame("source", f.Source);
                Child("condition", f.Condition);
                break;
            case PickedRow p:
                json.WriteString("frame", p.Position == PickPosition.First ? "first" : "last");
                Frame("source", p.Source);
                Child("sort_by", p.SortBy);
                break;
            default:
                throw new CohortModelException($"The JSON form has no frame for {frame.GetType().Name}.");
        }

        json.WriteEndObject();
    }

    private void Constant(object? constant)
    {
        switch (constant)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            case DateOnly d:
                json.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue((string)constant);
                break;
        }
    }
}
