import type {ReactNode} from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Translate, {translate} from '@docusaurus/Translate';
import ProgressView from '@site/src/components/Progress';

/** /progress: what the reader has done, from this browser's progress store. */
export default function ProgressPage(): ReactNode {
  return (
    <Layout
      title={translate({id: 'notebook.progress.pageTitle', message: 'Your progress'})}
      description={translate({id: 'notebook.progress.pageDescription', message: 'The exercises and quizzes you have done in this notebook, kept in your browser, with export and import.'})}>
      <main className="container margin-vert--lg">
        <Heading as="h1">
          <Translate id="notebook.progress.heading">Your progress</Translate>
        </Heading>
        <ProgressView />
      </main>
    </Layout>
  );
}
