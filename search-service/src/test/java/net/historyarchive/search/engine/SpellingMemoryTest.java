package net.historyarchive.search.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SpellingMemoryTest {

    private static final SpellingMemory.Answer PLENUM = new SpellingMemory.Answer(List.of("pllenum"), Optional.empty());

    @Test
    void anAnswerIsReusedUntilTheViewChanges() {
        SpellingMemory memory = new SpellingMemory(keepingFor(Duration.ofMinutes(1)));
        memory.remember("plenum", PLENUM, memory.now());
        assertThat(memory.recall("plenum")).contains(PLENUM);
        assertThat(memory.recall("plenary")).isEmpty();

        memory.viewChanged(Duration.ZERO);
        assertThat(memory.recall("plenum")).as("asked before a change became searchable").isEmpty();

        memory.remember("plenum", PLENUM, memory.now());
        assertThat(memory.recall("plenum")).as("asked after it").contains(PLENUM);
    }

    @Test
    void anAnswerAskedWhileBulkChangesMayStillBecomeSearchableIsNotReused() {
        SpellingMemory memory = new SpellingMemory(keepingFor(Duration.ofMinutes(1)));
        memory.viewChanged(Duration.ofMinutes(1)); // written, searchable at the next refresh
        memory.remember("plenum", PLENUM, memory.now());
        assertThat(memory.recall("plenum")).isEmpty();
    }

    @Test
    void zeroTurnsItOff() {
        SpellingMemory memory = new SpellingMemory(keepingFor(Duration.ZERO));
        memory.remember("plenum", PLENUM, memory.now());
        assertThat(memory.recall("plenum")).isEmpty();
    }

    private static EngineSettings keepingFor(Duration duration) {
        return new EngineSettings() {
            @Override
            public int exactTotalUpTo() {
                return 10_000;
            }

            @Override
            public String cursorKeepAlive() {
                return "5m";
            }

            @Override
            public int maxPageWindow() {
                return 10_000;
            }

            @Override
            public int bonusWindow() {
                return 200;
            }

            @Override
            public Duration spellingMemory() {
                return duration;
            }
        };
    }
}
