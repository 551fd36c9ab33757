# Reference baseline (not used by the product): word 1-2 + char_wb 2-5 TF-IDF with scikit-learn,
# threshold on the top probability chosen on val by the same rule as `steward eval`.
# pip install scikit-learn && python3 Benchmarks/router/sklearn_baseline.py
import json, sys, time, numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_union
from sklearn.svm import LinearSVC
from sklearn.linear_model import LogisticRegression
import os
D=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'clinc150', '')
def load(f): 
    rows=[json.loads(l) for l in open(D+f) if l.strip()]
    return [r['text'] for r in rows],[r['intent'] for r in rows]
Xtr,ytr=load('train.jsonl'); Xva,yva=load('val.jsonl'); Xte,yte=load('test.jsonl')
ins=[i for i,y in enumerate(ytr) if y!='oos']
Xtr=[Xtr[i] for i in ins]; ytr=[ytr[i] for i in ins]
vec=make_union(TfidfVectorizer(ngram_range=(1,2),sublinear_tf=True), TfidfVectorizer(analyzer='char_wb',ngram_range=(2,5),sublinear_tf=True))
A=vec.fit_transform(Xtr); V=vec.transform(Xva); T=vec.transform(Xte)
def evaluate(name, clf, prob):
    t=time.time(); clf.fit(A,ytr); tt=time.time()-t
    cls=clf.classes_
    def scores(M):
        if prob: return clf.predict_proba(M)
        s=clf.decision_function(M); e=np.exp(s-s.max(1,keepdims=True)); return e/e.sum(1,keepdims=True)
    sv,st=scores(V),scores(T)
    def stats(s,y,th):
        top=cls[s.argmax(1)]; p1=s.max(1)
        ins=np.array([v!='oos' for v in y]); yy=np.array(y)
        acc_closed=(top[ins]==yy[ins]).mean()
        acc=((top==yy)&(p1>=th))[ins].mean(); rec=(p1<th)[~ins].mean()
        return acc_closed,acc,rec
    best=max(np.arange(0,1,0.005), key=lambda th: sum(stats(sv,yva,th)[1:]))
    print(name, 'train %.1fs'%tt, 'th %.3f'%best, 'closed %.4f in-scope %.4f oos-recall %.4f'%stats(st,yte,best))
evaluate('LinearSVC C=1 (softmax of margins)', LinearSVC(C=1.0), False)
evaluate('LogReg C=10', LogisticRegression(C=10, max_iter=300), True)
