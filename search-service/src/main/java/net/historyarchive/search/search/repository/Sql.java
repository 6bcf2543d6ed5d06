package net.historyarchive.search.search.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** SQL text assembled in pieces, with its parameters kept beside the placeholders they fill. */
final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    Sql append(String sql, Object... values) {
        text.append(sql);
        parameters.addAll(List.of(values));
        return this;
    }

    Sql append(Sql other) {
        text.append(other.text);
        parameters.addAll(other.parameters);
        return this;
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text.toString());
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof List<?> list) {
                statement.setArray(i + 1, connection.createArrayOf("text", list.toArray()));
            } else if (value instanceof LocalDate date) {
                statement.setObject(i + 1, date);
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
