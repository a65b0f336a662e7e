import { render } from 'preact';
import { ReportPage } from '@/components/report/ReportPage';
import { reportRequestFrom } from '@/utils/messages/report-request';
import '@/components/theme.css';

// Unlisted: opened only by the background, for the claim whose card the reader reported from.
render(
  <ReportPage request={reportRequestFrom(location.search)} />,
  document.getElementById('app')!,
);
