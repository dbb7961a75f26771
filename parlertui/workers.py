"""How a failed read in any worker ends the app: with the store's reason on one line, as the command line would."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from parlertui.store.open import StoreError


class ReportsStoreErrors:
    """For widgets and screens whose workers read the store. A StoreError ends the app with exit code 2 and its
    message; any other error is a bug and is raised as such."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        assert error is not None  # a worker in state ERROR holds the error it ended with
        if not isinstance(error, StoreError):
            raise error
        assert isinstance(self, Widget)  # mixed into widgets and screens only
        self.app.exit(return_code=2, message=Text(f"parlertui: {error}"))
