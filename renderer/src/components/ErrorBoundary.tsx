/**
 * Last line of defence: an unexpected error in a screen shows a Chinese message with a way
 * back instead of a blank window. Saved data is not affected (writes are transactions).
 */
import { Component, type ReactNode } from 'react';
import { Alert, AlertTitle, Button, Stack } from '@mui/material';

type State = { failed: boolean };

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Stack sx={{ p: 4 }} spacing={2}>
        <Alert severity="error" role="alert">
          <AlertTitle>页面出现意外错误</AlertTitle>
          已保存的数据不受影响；正在填写、尚未保存的内容可能需要重新填写。
        </Alert>
        <Stack direction="row" spacing={2}>
          <Button variant="contained" onClick={() => this.setState({ failed: false })}>
            返回继续
          </Button>
          <Button onClick={() => window.location.reload()}>重新加载</Button>
        </Stack>
      </Stack>
    );
  }
}
