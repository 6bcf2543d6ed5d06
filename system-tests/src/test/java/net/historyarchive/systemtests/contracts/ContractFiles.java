package net.historyarchive.systemtests.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository, its contracts/ folder and this module's build output are. */
final class ContractFiles {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ContractFiles() {
    }

    static Path root() {
        String configured = System.getProperty("system-tests.repository-root");
        Path start = configured == null || configured.isBlank() ? Path.of("").toAbsolutePath() : Path.of(configured);
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("system-tests/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root not found above " + start);
    }

    static Path contracts() {
        return root().resolve("contracts");
    }

    static Path output() {
        return Path.of(System.getProperty("system-tests.output", "target")).toAbsolutePath();
    }
}
