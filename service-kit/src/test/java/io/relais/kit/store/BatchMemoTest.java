package io.relais.kit.store;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchMemoTest {

    private final List<String> reads = new ArrayList<>();
    private final BatchMemo<String, String> memo = new BatchMemo<>(key -> {
        reads.add(key);
        return key.toUpperCase();
    });

    @Test
    void aBatchReadsEachKeyOnceAndTheNextBatchReadsAgain() {
        String answers = memo.during(() -> memo.get("sales") + memo.get("sales") + memo.get("tech") + memo.get("sales"));
        memo.during(() -> memo.get("sales"));

        assertThat(answers).isEqualTo("SALESSALESTECHSALES");
        assertThat(reads).containsExactly("sales", "tech", "sales");
    }

    @Test
    void outsideABatchEveryLookUpReadsTheStore() {
        memo.get("sales");
        memo.get("sales");

        assertThat(reads).containsExactly("sales", "sales");
    }

    @Test
    void aNestedBatchJoinsTheEnclosingOne() {
        memo.during(() -> {
            memo.get("sales");
            return memo.during(() -> memo.get("sales"));
        });

        assertThat(reads).containsExactly("sales");
    }

    @Test
    void aBatchThatFailsForgetsWhatItRead() {
        assertThatThrownBy(() -> memo.during(() -> {
            memo.get("sales");
            throw new IllegalStateException("the batch failed");
        })).hasMessage("the batch failed");
        memo.get("sales");

        assertThat(reads).containsExactly("sales", "sales");
    }
}
