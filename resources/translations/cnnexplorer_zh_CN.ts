<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivationsView</name>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>All layers with feature maps</source>
        <translation>所有带特征图的层</translation>
    </message>
    <message>
        <source>By default only convolution and pooling layers are listed.</source>
        <translation>默认只列出卷积层和池化层。</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>配色</translation>
    </message>
    <message>
        <source>Channels per row</source>
        <translation>每行通道数</translation>
    </message>
    <message>
        <source>fit</source>
        <translation>自适应</translation>
    </message>
    <message>
        <source>&quot;fit&quot;: as many per row as make the tiles largest in the space there is.</source>
        <translation>“自适应”：每行放多少个，由现有空间里哪种排法让小图最大来决定。</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Choose an image to see what each layer makes of it.</source>
        <translation>选择一张图像，看看每一层把它变成了什么。</translation>
    </message>
    <message>
        <source>Click a channel in the grid to enlarge it.</source>
        <translation>点击网格中的通道即可放大。</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;: {1} channels of {2}×{3}, one tile per channel, numbered from 0. Bright = strong activation.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;：{1} 个 {2}×{3} 的通道，每个通道一个小图，从 0 开始编号。越亮表示激活越强。</translation>
    </message>
    <message>
        <source>Flat channels (dark grey): {0} — nothing in this image activates them.</source>
        <translation>平坦通道（深灰色）：{0} —— 这张图像中没有任何东西能激活它们。</translation>
    </message>
    <message>
        <source>flat: this channel does not respond to this image</source>
        <translation>平坦：这个通道对这张图像没有响应</translation>
    </message>
    <message>
        <source>values {0:.3g} to {1:.3g}</source>
        <translation>数值 {0:.3g} 到 {1:.3g}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;, channel {1}&lt;br&gt;{2}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;，通道 {1}&lt;br&gt;{2}</translation>
    </message>
</context>
<context>
    <name>AugmentationTab</name>
    <message>
        <source>Rotation</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>Rotate by a random angle from −r to +r degrees.</source>
        <translation>在 −r 到 +r 度之间随机旋转一个角度。</translation>
    </message>
    <message>
        <source>Width shift</source>
        <translation>水平平移</translation>
    </message>
    <message>
        <source>Move left or right by up to this fraction of the width.</source>
        <translation>向左或向右平移，最多为宽度的这一比例。</translation>
    </message>
    <message>
        <source>± | × width</source>
        <translation>± | × 宽度</translation>
    </message>
    <message>
        <source>Height shift</source>
        <translation>垂直平移</translation>
    </message>
    <message>
        <source>Move up or down by up to this fraction of the height.</source>
        <translation>向上或向下平移，最多为高度的这一比例。</translation>
    </message>
    <message>
        <source>± | × height</source>
        <translation>± | × 高度</translation>
    </message>
    <message>
        <source>Shear</source>
        <translation>错切</translation>
    </message>
    <message>
        <source>Slant sideways: a row at height y slides by up to shear × y (shear factor = tan of the shear angle). Keras shears about the top-left corner, so the picture also slides sideways.</source>
        <translation>向一侧倾斜：高度为 y 的一行最多滑动 shear × y（错切系数 = 错切角的正切）。Keras 以左上角为基准做错切，所以整幅图也会横向滑动。</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Zoom in or out by up to this fraction (0.2 = 80 % to 120 %).</source>
        <translation>放大或缩小，最多为这一比例（0.2 = 80 % 到 120 %）。</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>亮度</translation>
    </message>
    <message>
        <source>Add or subtract up to this fraction of 255 from every pixel.</source>
        <translation>给每个像素加上或减去最多 255 的这一比例。</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>对比度</translation>
    </message>
    <message>
        <source>Stretch or flatten contrast by up to this fraction.</source>
        <translation>把对比度拉大或压平，最多为这一比例。</translation>
    </message>
    <message>
        <source>Saturation</source>
        <translation>饱和度</translation>
    </message>
    <message>
        <source>Make colours duller or stronger (colour images only).</source>
        <translation>让颜色更暗淡或更鲜艳（仅限彩色图像）。</translation>
    </message>
    <message>
        <source>The robustness probe needs an image dataset; {dataset} holds sequences.</source>
        <translation>鲁棒性测试需要图像数据集；{dataset} 里是序列。</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Ready-made settings; changing any value makes them &quot;custom&quot;.</source>
        <translation>现成的设置；改动任一数值后变为“自定义”。</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>载入…</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Load settings from a JSON file (the tutorial&apos;s argument names).</source>
        <translation>从 JSON 文件载入设置（参数名与教程一致）。</translation>
    </message>
    <message>
        <source>Save these settings as JSON, for `cnnexplorer augment --config`.</source>
        <translation>把这些设置保存为 JSON，可用于 `cnnexplorer augment --config`。</translation>
    </message>
    <message>
        <source>Move and reshape</source>
        <translation>移动与变形</translation>
    </message>
    <message>
        <source>Horizontal flip</source>
        <translation>水平翻转</translation>
    </message>
    <message>
        <source>mirror left-right for half of the images.</source>
        <translation>对一半的图像做左右镜像。</translation>
    </message>
    <message>
        <source>Vertical flip</source>
        <translation>垂直翻转</translation>
    </message>
    <message>
        <source>turn upside down for half of the images.</source>
        <translation>把一半的图像上下颠倒。</translation>
    </message>
    <message>
        <source>Flip</source>
        <translation>翻转</translation>
    </message>
    <message>
        <source>how pixels uncovered by a rotation, shift, shear or zoom-out are filled.</source>
        <translation>旋转、平移、错切或缩小后露出的像素如何填充。</translation>
    </message>
    <message>
        <source>value </source>
        <translation>数值 </translation>
    </message>
    <message>
        <source>the grey level used by fill mode &quot;constant&quot; (0 = black).</source>
        <translation>填充模式 &quot;constant&quot; 使用的灰度值（0 = 黑色）。</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Light and colour</source>
        <translation>亮度与颜色</translation>
    </message>
    <message>
        <source>Augmentation shows the model randomly changed copies of each training image in every epoch, so it learns that a cat is still a cat when tilted, shifted, zoomed or mirrored. Only training batches are changed; validation and test images never are. The Training tab&apos;s &quot;augment&quot; option uses these settings.</source>
        <translation>数据增强在每一轮都给模型看每张训练图像的随机变换副本，让它学会：猫被倾斜、平移、缩放或镜像之后仍然是猫。只有训练批次会被改变，验证和测试图像从不改变。“训练”页的“数据增强”选项使用这里的设置。</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>图像：</translation>
    </message>
    <message>
        <source>photo: %s</source>
        <translation>照片：%s</translation>
    </message>
    <message>
        <source>digit from mnist-sample</source>
        <translation>mnist-sample 中的数字</translation>
    </message>
    <message>
        <source>image file…</source>
        <translation>图像文件…</translation>
    </message>
    <message>
        <source>Variants:</source>
        <translation>变体数：</translation>
    </message>
    <message>
        <source>Fixed seed</source>
        <translation>固定随机种子</translation>
    </message>
    <message>
        <source>Same seed, same variants: for reproducible slides.</source>
        <translation>种子相同，变体就相同：便于做可重现的幻灯片。</translation>
    </message>
    <message>
        <source>New samples</source>
        <translation>重新采样</translation>
    </message>
    <message>
        <source>Draw new random variants with the same settings.</source>
        <translation>用相同的设置生成新的随机变体。</translation>
    </message>
    <message>
        <source>original</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>复制代码</translation>
    </message>
    <message>
        <source>Test the current model</source>
        <translation>测试当前模型</translation>
    </message>
    <message>
        <source>Accuracy on %d test images, untouched and under each transformation on its own.</source>
        <translation>在 %d 张测试图像上的精度：原图，以及每种变换单独作用时。</translation>
    </message>
    <message>
        <source>Keras 3 code</source>
        <translation>Keras 3 代码</translation>
    </message>
    <message>
        <source>Robustness probe</source>
        <translation>稳健性测试</translation>
    </message>
    <message>
        <source>The current model takes %s input: </source>
        <translation>当前模型的输入是 %s：</translation>
    </message>
    <message>
        <source>grayscale</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>Training on %s: </source>
        <translation>在 %s 上训练：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Augmentation:&lt;/b&gt; %s</source>
        <translation>&lt;b&gt;数据增强：&lt;/b&gt;%s</translation>
    </message>
    <message>
        <source>Load augmentation settings</source>
        <translation>载入数据增强设置</translation>
    </message>
    <message>
        <source>Augmentation settings (*.json)</source>
        <translation>数据增强设置 (*.json)</translation>
    </message>
    <message>
        <source>Save augmentation settings</source>
        <translation>保存数据增强设置</translation>
    </message>
    <message>
        <source>Preview an image</source>
        <translation>预览一张图像</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <source>file: %s</source>
        <translation>文件：%s</translation>
    </message>
    <message>
        <source>Loading TensorFlow… the preview appears when it is ready.</source>
        <translation>正在加载 TensorFlow…加载完成后显示预览。</translation>
    </message>
    <message>
        <source>Preparing the preview (TensorFlow loads once, a few seconds)…</source>
        <translation>正在准备预览（TensorFlow 只加载一次，需要几秒）…</translation>
    </message>
    <message>
        <source>The preview failed.</source>
        <translation>预览失败。</translation>
    </message>
    <message>
        <source>Train or load a model first: this then shows its accuracy on test images under each transformation, i.e. what augmentation would teach it to ignore.</source>
        <translation>请先训练或载入一个模型：这里会显示它在每种变换下对测试图像的精度，也就是数据增强能教它忽略什么。</translation>
    </message>
    <message>
        <source>Wait until training has finished.</source>
        <translation>请等待训练结束。</translation>
    </message>
    <message>
        <source>Click &quot;Test the current model&quot;.</source>
        <translation>点击“测试当前模型”。</translation>
    </message>
    <message>
        <source>All transformations are off, so there is nothing to test. Choose a preset or move a slider first.</source>
        <translation>所有变换都已关闭，没有可测试的内容。请先选择一个预设或拖动滑块。</translation>
    </message>
    <message>
        <source>TensorFlow is still loading. Try again in a few seconds.</source>
        <translation>TensorFlow 仍在加载，请几秒后再试。</translation>
    </message>
    <message>
        <source>Testing on %s…</source>
        <translation>正在 %s 上测试…</translation>
    </message>
    <message>
        <source>Accuracy on %d test images of %s; red = drops by more than 5 points.</source>
        <translation>在 %d 张测试图像（%s）上的精度；红色 = 下降超过 5 个百分点。</translation>
    </message>
    <message>
        <source>The test did not run.</source>
        <translation>测试没有运行。</translation>
    </message>
</context>
<context>
    <name>BuilderTab</name>
    <message>
        <source>%1 filters</source>
        <translation>%1 个过滤器</translation>
    </message>
    <message>
        <source>stride %1</source>
        <translation>步幅 %1</translation>
    </message>
    <message>
        <source>padding %1</source>
        <translation>填充 %1</translation>
    </message>
    <message>
        <source>pool %1</source>
        <translation>池化 %1</translation>
    </message>
    <message>
        <source>%1 units, %2</source>
        <translation>%1 个单元，%2</translation>
    </message>
    <message>
        <source>rate %1</source>
        <translation>丢弃率 %1</translation>
    </message>
    <message>
        <source>%1 words → %2-d vectors</source>
        <translation>%1 个词 → %2 维向量</translation>
    </message>
    <message>
        <source>The data one example brings into the model (the batch size is left out).</source>
        <translation>一个样本带进模型的数据（不含批量维度）。</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>image, raw pixels 0-255</source>
        <translation>图像，原始像素 0-255</translation>
    </message>
    <message>
        <source>word ids</source>
        <translation>词编号</translation>
    </message>
    <message>
        <source>sequence</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>Start from one of the tutorial&apos;s networks</source>
        <translation>从教程中的某个网络开始</translation>
    </message>
    <message>
        <source>Load template</source>
        <translation>载入模板</translation>
    </message>
    <message>
        <source>Replace the design with this template (undo brings yours back)</source>
        <translation>用此模板替换当前设计（撤销可恢复你的设计）</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>添加层</translation>
    </message>
    <message>
        <source>Add a layer below the selected one (Ins)</source>
        <translation>在所选层下方添加一层 (Ins)</translation>
    </message>
    <message>
        <source>Insert above</source>
        <translation>在上方插入</translation>
    </message>
    <message>
        <source>Insert a layer above the selected one</source>
        <translation>在所选层上方插入一层</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Duplicate the selected layer (Ctrl+D)</source>
        <translation>复制所选层 (Ctrl+D)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected layer (Del)</source>
        <translation>删除所选层 (Del)</translation>
    </message>
    <message>
        <source>Move the selected layer up (Alt+Up)</source>
        <translation>把所选层上移 (Alt+Up)</translation>
    </message>
    <message>
        <source>Move the selected layer down (Alt+Down)</source>
        <translation>把所选层下移 (Alt+Down)</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>撤销 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>重做 (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Export code…</source>
        <translation>导出代码…</translation>
    </message>
    <message>
        <source>Show and save a Keras 3 Python script that builds this design</source>
        <translation>显示并保存构建此设计的 Keras 3 Python 脚本</translation>
    </message>
    <message>
        <source>How the shape and weights are computed</source>
        <translation>形状和权重是怎样算出来的</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Delete layer</source>
        <translation>删除层</translation>
    </message>
    <message>
        <source>Duplicate layer</source>
        <translation>复制层</translation>
    </message>
    <message>
        <source>Move layer up</source>
        <translation>上移层</translation>
    </message>
    <message>
        <source>Move layer down</source>
        <translation>下移层</translation>
    </message>
    <message>
        <source>Problems: none</source>
        <translation>问题：无</translation>
    </message>
    <message>
        <source>No problems: this design can be built and trained.</source>
        <translation>没有问题：这个设计可以构建和训练。</translation>
    </message>
    <message>
        <source>Problems ({0}) — click one to select its layer:</source>
        <translation>问题（{0}）—— 点击一个问题即可选中对应的层：</translation>
    </message>
    <message>
        <source>Note: {0}</source>
        <translation>提示：{0}</translation>
    </message>
    <message>
        <source>Read-only model</source>
        <translation>只读模型</translation>
    </message>
    <message>
        <source>This model cannot be edited here; see the note above.</source>
        <translation>这个模型不能在这里编辑，见上方说明。</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>What one example looks like when it enters the model.</source>
        <translation>一个样本进入模型时的样子。</translation>
    </message>
    <message>
        <source>Layer {0} · {1}</source>
        <translation>第 {0} 层 · {1}</translation>
    </message>
    <message>
        <source>input:</source>
        <translation>输入：</translation>
    </message>
    <message>
        <source>Every layer below transforms this shape; select one to see how.</source>
        <translation>下面的每一层都会变换这个形状；选中一层即可查看如何变换。</translation>
    </message>
    <message>
        <source>Shape unknown: fix the first problem above this layer first.</source>
        <translation>形状未知：请先解决这一层上方的第一个问题。</translation>
    </message>
    <message>
        <source>Set {0} of layer {1} {2}</source>
        <translation>设置第 {1} 层 {2} 的 {0}</translation>
    </message>
    <message>
        <source>Change input shape</source>
        <translation>更改输入形状</translation>
    </message>
    <message>
        <source>Set optimizer</source>
        <translation>设置优化器</translation>
    </message>
    <message>
        <source>Set learning rate</source>
        <translation>设置学习率</translation>
    </message>
    <message>
        <source>Set loss</source>
        <translation>设置损失函数</translation>
    </message>
    <message>
        <source>Set metrics</source>
        <translation>设置指标</translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation>添加 {0}</translation>
    </message>
    <message>
        <source>Insert {0}</source>
        <translation>插入 {0}</translation>
    </message>
    <message>
        <source>Delete layer {0} {1}</source>
        <translation>删除第 {0} 层 {1}</translation>
    </message>
    <message>
        <source>Duplicate layer {0}</source>
        <translation>复制第 {0} 层</translation>
    </message>
    <message>
        <source>Move layer {0} to {1}</source>
        <translation>把第 {0} 层移到第 {1} 层</translation>
    </message>
    <message>
        <source>Load template {0}</source>
        <translation>载入模板 {0}</translation>
    </message>
    <message>
        <source>Saving also writes {0} beside the script: the data it trains on, readable without CNN Explorer.</source>
        <translation>保存时还会在脚本旁写入 {0}：即训练所用的数据，不装 CNN Explorer 也能读取。</translation>
    </message>
    <message>
        <source> and </source>
        <translation> 和 </translation>
    </message>
    <message>
        <source>Keras code for {0}</source>
        <translation>{0} 的 Keras 代码</translation>
    </message>
    <message>
        <source>Save Keras script</source>
        <translation>保存 Keras 脚本</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>Replace design</source>
        <translation>替换设计</translation>
    </message>
    <message>
        <source>{0} cannot be shown as a design ({1}); it opens read-only.</source>
        <translation>{0} 无法显示为设计（{1}），将以只读方式打开。</translation>
    </message>
    <message>
        <source>Open model {0}</source>
        <translation>打开模型 {0}</translation>
    </message>
    <message>
        <source>{0} is now an editable design. Your edits change the design, not the loaded model: train it to get a new model. Undo brings your previous design back.</source>
        <translation>{0} 现在是一个可编辑的设计。你的修改改变的是设计，而不是已载入的模型：训练它才能得到新模型。撤销可恢复你之前的设计。</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <source>Complete training script</source>
        <translation>完整训练脚本</translation>
    </message>
    <message>
        <source>Load the data, build, train with the Training tab&apos;s settings, test and save the model, as in the tutorial</source>
        <translation>和教程一样：加载数据、构建模型、按“训练”页的设置训练、测试并保存模型</translation>
    </message>
    <message>
        <source>Model only</source>
        <translation>仅模型</translation>
    </message>
    <message>
        <source>Only build and compile the model, and print its summary</source>
        <translation>只构建并编译模型，然后打印模型摘要</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
</context>
<context>
    <name>CompileSettings</name>
    <message>
        <source>Compile settings</source>
        <translation>编译设置</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
</context>
<context>
    <name>ConceptsTab</name>
    <message>
        <source>Convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>Weights: Dense vs Conv</source>
        <translation>权重：Dense 与卷积</translation>
    </message>
    <message>
        <source>Receptive field</source>
        <translation>感受野</translation>
    </message>
    <message>
        <source>The bundled digits could not be read, so the lab shows a drawn 7 instead. Reinstall CNN Explorer to get them back.</source>
        <translation>无法读取自带的数字样本，所以实验室改用一个手绘的 7。重新安装 CNN Explorer 即可恢复。</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixView</name>
    <message>
        <source>Rows: true class · columns: predicted class. Click a cell to see those images.</source>
        <translation>行：真实类别 · 列：预测类别。点击格子可查看对应图像。</translation>
    </message>
    <message>
        <source>acc.</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>predicted: {0}</source>
        <translation>预测：{0}</translation>
    </message>
    <message>
        <source>true {0}, predicted {1}: {2} of {3} images — click to see them</source>
        <translation>真实 {0}，预测 {1}：{3} 张中的 {2} 张 —— 点击查看</translation>
    </message>
    <message>
        <source>accuracy on true class {0}</source>
        <translation>真实类别 {0} 的精度</translation>
    </message>
</context>
<context>
    <name>ConvLab</name>
    <message>
        <source>Kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>步幅</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>边缘</translation>
    </message>
    <message>
        <source>vertical edge</source>
        <translation>竖直边缘</translation>
    </message>
    <message>
        <source>horizontal edge</source>
        <translation>水平边缘</translation>
    </message>
    <message>
        <source>blur</source>
        <translation>模糊</translation>
    </message>
    <message>
        <source>sharpen</source>
        <translation>锐化</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>恒等</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>edited by hand</source>
        <translation>手动编辑</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;How a convolution works.&lt;/b&gt; The kernel is a small square of numbers. It is laid over the input; every covered input number is multiplied by the kernel number on top of it, and the products are added up. That one sum is one output cell. Then the window moves on and does the same again.&lt;/p&gt;&lt;p&gt;The same few kernel numbers are used at every position. That is why a convolution needs so few weights, and why it finds a pattern wherever in the picture it appears.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Stride&lt;/b&gt; is how many cells the window jumps at each step. &lt;b&gt;Padding &apos;valid&apos;&lt;/b&gt; only uses positions where the whole window fits, so the output shrinks. &lt;b&gt;Padding &apos;same&apos;&lt;/b&gt; adds a border of zeros (grey) so that the output has n ÷ stride cells, rounded up; when the border cannot be split evenly, Keras puts the extra row and column at the bottom and on the right.&lt;/p&gt;&lt;p&gt;&lt;i&gt;Click the input to draw (right click erases); click a kernel cell to add 1 (right click subtracts 1); click an output cell to jump to it.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;卷积是怎么算的。&lt;/b&gt;卷积核是一小块数字方阵。把它盖在输入上，每个被盖住的输入数字都乘以它上面的卷积核数字，再把这些乘积加起来。这一个和就是一个输出格子。然后窗口移到下一个位置，再做一遍。&lt;/p&gt;&lt;p&gt;在每个位置用的都是同一组卷积核数字。所以卷积需要的权重很少，而且无论图案出现在图片的哪里，它都能找到。&lt;/p&gt;&lt;p&gt;&lt;b&gt;步幅&lt;/b&gt;是窗口每一步跳过的格子数。&lt;b&gt;&apos;valid&apos; 填充&lt;/b&gt;只使用窗口能完整放下的位置，所以输出会变小。&lt;b&gt;&apos;same&apos; 填充&lt;/b&gt;在四周补一圈零（灰色），使输出有 n ÷ 步幅（向上取整）个格子；如果补的零不能平均分到两边，Keras 会把多出来的那一行和那一列放在下边和右边。&lt;/p&gt;&lt;p&gt;&lt;i&gt;点击输入可以画（右键擦除）；点击卷积核的格子加 1（右键减 1）；点击输出格子可以直接跳到那个位置。&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Kernel %1×%1</source>
        <translation>卷积核 %1×%1</translation>
    </message>
    <message>
        <source> + padding</source>
        <translation> + 填充</translation>
    </message>
    <message>
        <source>zero padding: %1 top, %2 bottom, %3 left, %4 right</source>
        <translation>零填充：上 %1、下 %2、左 %3、右 %4</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>乘积</translation>
    </message>
    <message>
        <source>Multiply and add</source>
        <translation>相乘再相加</translation>
    </message>
    <message>
        <source>every product is 0</source>
        <translation>所有乘积都是 0</translation>
    </message>
</context>
<context>
    <name>CoreTexts</name>
    <message>
        <source>Slides small filters over an image; each filter makes one feature map.</source>
        <translation>用小过滤器在图像上滑动；每个过滤器生成一张特征图。</translation>
    </message>
    <message>
        <source>A Conv2D split into a per-channel filter and a 1×1 mix: far fewer weights.</source>
        <translation>把 Conv2D 拆成逐通道过滤和 1×1 混合：权重少得多。</translation>
    </message>
    <message>
        <source>Keeps the largest value of each window: halves height and width with the default size 2.</source>
        <translation>保留每个窗口中的最大值：默认窗口大小 2 时，高度和宽度减半。</translation>
    </message>
    <message>
        <source>Keeps the mean of each window: shrinks height and width.</source>
        <translation>保留每个窗口的平均值：缩小高度和宽度。</translation>
    </message>
    <message>
        <source>One mean value per feature map: an image becomes a vector.</source>
        <translation>每张特征图取一个平均值：图像变成一个向量。</translation>
    </message>
    <message>
        <source>One maximum value per feature map: an image becomes a vector.</source>
        <translation>每张特征图取一个最大值：图像变成一个向量。</translation>
    </message>
    <message>
        <source>Lays all values out in one long vector, for Dense layers.</source>
        <translation>把所有数值排成一个长向量，供 Dense 层使用。</translation>
    </message>
    <message>
        <source>Every output is connected to every input: the classifier part of a network.</source>
        <translation>每个输出都连接到每个输入：网络中的分类器部分。</translation>
    </message>
    <message>
        <source>Randomly zeroes a fraction of values while training, against overfitting.</source>
        <translation>训练时随机把一部分数值置零，用来防止过拟合。</translation>
    </message>
    <message>
        <source>Normalises values to mean 0 and spread 1 per channel; helps deep networks train.</source>
        <translation>把每个通道的数值标准化为均值 0、方差 1；有助于训练深层网络。</translation>
    </message>
    <message>
        <source>Slides filters along a sequence (e.g. word vectors).</source>
        <translation>让过滤器沿序列滑动（例如词向量）。</translation>
    </message>
    <message>
        <source>Keeps the largest value of each window along a sequence.</source>
        <translation>沿序列保留每个窗口中的最大值。</translation>
    </message>
    <message>
        <source>One maximum value per channel: a sequence becomes a vector.</source>
        <translation>每个通道取一个最大值：序列变成一个向量。</translation>
    </message>
    <message>
        <source>Turns word ids into learned vectors; must be the first layer of a text model.</source>
        <translation>把词编号变成学到的向量；必须是文本模型的第一层。</translation>
    </message>
    <message>
        <source>Multiplies the input by a constant: raw pixels 0-255 become 0-1 with scale 1/255.</source>
        <translation>把输入乘以一个常数：scale 为 1/255 时，原始像素 0-255 变成 0-1。</translation>
    </message>
    <message>
        <source>MNIST sample (5,000 real digits, bundled)</source>
        <translation>MNIST 样本（5,000 个真实手写数字，随附）</translation>
    </message>
    <message>
        <source>Motif sequences (generated, 2,000 + 500)</source>
        <translation>模式序列（程序生成，2,000 + 500）</translation>
    </message>
    <message>
        <source>MNIST (70,000 digits, download)</source>
        <translation>MNIST（70,000 个数字，需下载）</translation>
    </message>
    <message>
        <source>Fashion-MNIST (70,000 clothes images, download)</source>
        <translation>Fashion-MNIST（70,000 张服装图像，需下载）</translation>
    </message>
    <message>
        <source>CIFAR-10 (60,000 colour images, download)</source>
        <translation>CIFAR-10（60,000 张彩色图像，需下载）</translation>
    </message>
    <message>
        <source>IMDB reviews (10,000 words, length 500, download)</source>
        <translation>IMDB 影评（10,000 个词，长度 500，需下载）</translation>
    </message>
    <message>
        <source>13 conv layers in 5 blocks: the tutorial&apos;s network.</source>
        <translation>5 个块共 13 个卷积层：教程中使用的网络。</translation>
    </message>
    <message>
        <source>VGG16 with one more conv layer in blocks 3, 4 and 5.</source>
        <translation>在 VGG16 的第 3、4、5 块中各多一个卷积层。</translation>
    </message>
    <message>
        <source>Residual blocks with shortcuts; BatchNormalization everywhere.</source>
        <translation>带捷径连接的残差块；处处使用 BatchNormalization。</translation>
    </message>
    <message>
        <source>Inception modules: parallel 1×1, 3×3 and 5×5 branches.</source>
        <translation>Inception 模块：1×1、3×3 和 5×5 的并行分支。</translation>
    </message>
    <message>
        <source>Depthwise separable convolutions (SeparableConv2D).</source>
        <translation>深度可分离卷积 (SeparableConv2D)。</translation>
    </message>
    <message>
        <source>Small and fast: depthwise separable convolutions for phones.</source>
        <translation>小而快：为手机设计的深度可分离卷积。</translation>
    </message>
    <message>
        <source>RGB→BGR, minus the ImageNet mean colour (&quot;caffe&quot; style)</source>
        <translation>RGB→BGR，减去 ImageNet 平均颜色（&quot;caffe&quot; 方式）</translation>
    </message>
    <message>
        <source>pixels scaled to −1…1 (&quot;tf&quot; style)</source>
        <translation>像素缩放到 −1…1（&quot;tf&quot; 方式）</translation>
    </message>
    <message>
        <source>Flatten → Dense 256 ReLU → Dropout 0.5 → output (the tutorial&apos;s)</source>
        <translation>Flatten → Dense 256 ReLU → Dropout 0.5 → 输出（教程的做法）</translation>
    </message>
    <message>
        <source>GlobalAveragePooling → Dropout 0.2 → output (fewer parameters)</source>
        <translation>GlobalAveragePooling → Dropout 0.2 → 输出（参数更少）</translation>
    </message>
    <message>
        <source>random weights — patterns will not be meaningful</source>
        <translation>随机权重 —— 学到的模式没有意义</translation>
    </message>
    <message>
        <source>ImageNet weights</source>
        <translation>ImageNet 权重</translation>
    </message>
    <message>
        <source>ImageNet weights, bundled</source>
        <translation>ImageNet 权重（随软件附带）</translation>
    </message>
    <message>
        <source>Inverted residual blocks with linear bottlenecks; small and fast.</source>
        <translation>带线性瓶颈的倒残差结构，小而快。</translation>
    </message>
    <message>
        <source>Flatten + Dense 256 (the tutorial&apos;s)</source>
        <translation>Flatten + Dense 256（教程中的）</translation>
    </message>
    <message>
        <source>Global average pooling (small)</source>
        <translation>全局平均池化（参数少）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>tutorial (cats vs dogs)</source>
        <translation>教程（猫狗分类）</translation>
    </message>
    <message>
        <source>digits (no flips)</source>
        <translation>数字（不翻转）</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>astronaut</source>
        <translation>宇航员</translation>
    </message>
    <message>
        <source>camera</source>
        <translation>摄影师</translation>
    </message>
    <message>
        <source>cat</source>
        <translation>猫</translation>
    </message>
    <message>
        <source>coffee</source>
        <translation>咖啡</translation>
    </message>
    <message>
        <source>rocket</source>
        <translation>火箭</translation>
    </message>
</context>
<context>
    <name>DemoModelPage</name>
    <message>
        <source>Train a quick MNIST model (about 10 seconds)</source>
        <translation>快速训练一个 MNIST 模型（约 10 秒）</translation>
    </message>
    <message>
        <source>MNIST CNN (quick: 1 epoch on 2,000 digits)</source>
        <translation>MNIST CNN（快速：在 2,000 个数字上训练 1 轮）</translation>
    </message>
</context>
<context>
    <name>DesignHeader</name>
    <message>
        <source>{0} parameters</source>
        <translation>{0} 个参数</translation>
    </message>
    <message>
        <source>{0} parameters in layers 1–{1}; layer {2} cannot be built yet</source>
        <translation>第 1–{1} 层共 {0} 个参数；第 {2} 层还无法构建</translation>
    </message>
    <message>
        <source>Parameters unknown: layer {0} cannot be built yet</source>
        <translation>参数个数未知：第 {0} 层还无法构建</translation>
    </message>
    <message>
        <source>Design: {0} ({1})</source>
        <translation>设计：{0}（{1}）</translation>
    </message>
    <message>
        <source>Design: {0}</source>
        <translation>设计：{0}</translation>
    </message>
    <message>
        <source>✗ 1 problem: cannot train yet</source>
        <translation>✗ 1 个问题：暂时无法训练</translation>
    </message>
    <message>
        <source>✗ {0} problems: cannot train yet</source>
        <translation>✗ {0} 个问题：暂时无法训练</translation>
    </message>
    <message>
        <source>✓ Ready to train</source>
        <translation>✓ 可以训练</translation>
    </message>
    <message>
        <source>Model file: {0} (read-only)</source>
        <translation>模型文件：{0}（只读）</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n more problem(s) happened since; see the log.</source>
        <translation>
            <numerusform>此后又发生了 %n 个问题，详见日志。</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>FieldPage</name>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>步幅</translation>
    </message>
    <message>
        <source>Jump</source>
        <translation>间距</translation>
    </message>
    <message>
        <source>Sees</source>
        <translation>可见范围</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;What can one cell see?&lt;/b&gt; Each cell of a layer is computed from a small window of the layer before, which was computed from windows of the layer before that, and so on back to the picture. So deeper cells depend on a larger square of pixels: their &lt;b&gt;receptive field&lt;/b&gt; (column “Sees”).&lt;/p&gt;&lt;p&gt;Pooling and strides make it grow faster. “Jump” is how many input pixels apart two neighbouring cells of a layer are. After Flatten or Dense every value can depend on every pixel.&lt;/p&gt;&lt;p&gt;&lt;i&gt;Pick a layer in the table, then click one of its cells.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;一个格子能看到什么？&lt;/b&gt;某一层的每个格子都是由上一层的一个小窗口算出来的，而那个窗口又是由再上一层的窗口算出来的，一直追溯到原图。所以越深的格子依赖的像素方块越大：这就是它的&lt;b&gt;感受野&lt;/b&gt;（“可见范围”一列）。&lt;/p&gt;&lt;p&gt;池化和步幅让感受野长得更快。“间距”是同一层两个相邻格子在输入上相隔多少像素。经过 Flatten 或 Dense 之后，每个值都可能依赖于每一个像素。&lt;/p&gt;&lt;p&gt;&lt;i&gt;先在表格里选一层，再点击它的一个格子。&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No design in the Builder yet, so this shows the MNIST CNN template.</source>
        <translation>搭建器里还没有设计，所以这里显示 MNIST CNN 模板。</translation>
    </message>
    <message>
        <source>Design from the Builder: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>来自搭建器的设计：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>This design cannot be analysed yet: %1</source>
        <translation>暂时无法分析这个设计：%1</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <source>%1 tokens, in lines of %2</source>
        <translation>%1 个词元，每行 %2 个</translation>
    </message>
    <message>
        <source>Every value of &lt;b&gt;%1&lt;/b&gt; can depend on every input pixel.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 的每个值都可能依赖于每一个输入像素。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; has no output cells.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 没有输出格子。</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>层 %1</translation>
    </message>
    <message>
        <source>output %1: click a cell</source>
        <translation>输出 %1：点击一个格子</translation>
    </message>
    <message>
        <source>Cell (row %1, column %2) of &lt;b&gt;%3&lt;/b&gt; sees input rows %4–%5 and columns %6–%7: a &lt;b&gt;%8×%9&lt;/b&gt; region.</source>
        <translation>&lt;b&gt;%3&lt;/b&gt; 的格子（第 %1 行、第 %2 列）能看到输入的第 %4–%5 行、第 %6–%7 列：一个 &lt;b&gt;%8×%9&lt;/b&gt; 的区域。</translation>
    </message>
    <message>
        <source>Cell %1 of &lt;b&gt;%2&lt;/b&gt; sees positions %3–%4 of the sequence: &lt;b&gt;%5&lt;/b&gt; tokens.</source>
        <translation>&lt;b&gt;%2&lt;/b&gt; 的第 %1 个格子能看到序列的第 %3–%4 个位置：共 &lt;b&gt;%5&lt;/b&gt; 个词元。</translation>
    </message>
</context>
<context>
    <name>FilterPatternsView</name>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>First filter</source>
        <translation>起始过滤器</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation>抖动</translation>
    </message>
    <message>
        <source>Shift the image a little at every step: cleaner, less noisy patterns.</source>
        <translation>每一步把图像稍微平移一点：得到更干净、噪声更少的模式。</translation>
    </message>
    <message>
        <source>Show patterns</source>
        <translation>显示模式</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Each tile is an input image grown from grey noise by gradient ascent so that one filter responds as strongly as it can: what the filter looks for.</source>
        <translation>每个小图都是从灰色噪声出发、通过梯度上升“长”出来的输入图像，使某个过滤器的响应尽可能强：这就是该过滤器在寻找的东西。</translation>
    </message>
    <message>
        <source>Choose a convolution layer and press Show patterns.</source>
        <translation>选择一个卷积层，然后按“显示模式”。</translation>
    </message>
    <message>
        <source>This model has no convolution layers, so there are no filter patterns to show.</source>
        <translation>这个模型没有卷积层，因此没有过滤器模式可显示。</translation>
    </message>
    <message>
        <source>Growing patterns from noise…</source>
        <translation>正在从噪声中生成模式…</translation>
    </message>
    <message>
        <source>{0} patterns of {1} at {2}×{3} ({4}, {5:.1f} ms per filter-step). Bright = the filter wants light there, dark = it wants dark.</source>
        <translation>{1} 的 {0} 个模式，{2}×{3}（{4}，每个过滤器每步 {5:.1f} 毫秒）。亮 = 过滤器希望那里亮，暗 = 希望那里暗。</translation>
    </message>
    <message>
        <source>Plain tiles ({0}): those filters respond most to overall brightness (or darkness) rather than to a shape.</source>
        <translation>纯色小图（{0}）：这些过滤器主要对整体的明暗有反应，而不是对某种形状。</translation>
    </message>
    <message>
        <source>Darkened tiles are dead filters (no input made them respond): {0}.</source>
        <translation>变暗的小图是“死”过滤器（没有任何输入能让它们响应）：{0}。</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>FreezeTable</name>
    <message>
        <source>Layer (tick = trainable)</source>
        <translation>层（勾选 = 可训练）</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Freeze all</source>
        <translation>全部冻结</translation>
    </message>
    <message>
        <source>Unfreeze all</source>
        <translation>全部解冻</translation>
    </message>
    <message>
        <source>Unfreeze top block</source>
        <translation>解冻最上面的块</translation>
    </message>
    <message>
        <source>The tutorial&apos;s fine-tuning: only the last block trains.</source>
        <translation>教程中的微调：只训练最后一个块。</translation>
    </message>
    <message>
        <source>Drag: every layer from here upwards trains, every layer below stays frozen.</source>
        <translation>拖动：从这里往上的层都参与训练，下面的层保持冻结。</translation>
    </message>
    <message>
        <source>Fine-tune from:</source>
        <translation>微调起点：</translation>
    </message>
    <message>
        <source>BatchNormalization stays frozen, in inference mode, so fine-tuning does not overwrite the statistics learned on ImageNet.</source>
        <translation>BatchNormalization 保持冻结并处于推理模式，这样微调不会覆盖在 ImageNet 上学到的统计量。</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s)</source>
        <translation>
            <numerusform>%n 层</numerusform>
        </translation>
    </message>
    <message>
        <source>stem</source>
        <translation>输入端</translation>
    </message>
    <message>
        <source>top</source>
        <translation>顶部</translation>
    </message>
    <message>
        <source>Load a pretrained base to see its layers.</source>
        <translation>载入一个预训练基网络即可查看它的层。</translation>
    </message>
    <message>
        <source>trains</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>partly</source>
        <translation>部分训练</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>nothing (whole base frozen)</source>
        <translation>无（整个基网络冻结）</translation>
    </message>
    <message>
        <source>(custom selection)</source>
        <translation>（自定义选择）</translation>
    </message>
    <message>
        <source>Trainable: &lt;span style=&apos;color:#b34700&apos;&gt;%1&lt;/span&gt; &amp;nbsp;·&amp;nbsp; Non-trainable: %2 &amp;nbsp;·&amp;nbsp; %3 of %4 layers train</source>
        <translation>可训练：&lt;span style=&apos;color:#b34700&apos;&gt;%1&lt;/span&gt; &amp;nbsp;·&amp;nbsp; 不可训练：%2 &amp;nbsp;·&amp;nbsp; %4 层中有 %3 层参与训练</translation>
    </message>
    <message>
        <source>frozen (BatchNorm)</source>
        <translation>冻结 (BatchNorm)</translation>
    </message>
    <message>
        <source>no weights</source>
        <translation>无权重</translation>
    </message>
    <message>
        <source>▶ fine-tune from here</source>
        <translation>▶ 从这里开始微调</translation>
    </message>
    <message>
        <source>Fine-tune from here</source>
        <translation>从这里开始微调</translation>
    </message>
</context>
<context>
    <name>GradCamView</name>
    <message>
        <source>Explain class</source>
        <translation>解释类别</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Automatic: the last convolution layer. Earlier layers give finer maps.</source>
        <translation>自动：使用最后一个卷积层。更靠前的层给出更精细的图。</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>配色</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Image the model saw</source>
        <translation>模型看到的图像</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>热力图</translation>
    </message>
    <message>
        <source>Heatmap over the image</source>
        <translation>叠加在图像上的热力图</translation>
    </message>
    <message>
        <source>{0} (automatic)</source>
        <translation>{0}（自动）</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>the predicted class (top-1)</source>
        <translation>预测的类别 (top-1)</translation>
    </message>
    <message>
        <source>Explaining &lt;b&gt;{0}&lt;/b&gt; ({1:.1f} %) at layer &lt;b&gt;{2}&lt;/b&gt;. The model predicts &lt;b&gt;{3}&lt;/b&gt; ({4:.1f} %).</source>
        <translation>在 &lt;b&gt;{2}&lt;/b&gt; 层解释 &lt;b&gt;{0}&lt;/b&gt;（{1:.1f} %）。模型预测为 &lt;b&gt;{3}&lt;/b&gt;（{4:.1f} %）。</translation>
    </message>
    <message>
        <source>No part of the image gives positive evidence for this class, so the heatmap is empty.</source>
        <translation>图像中没有任何部分支持这个类别，因此热力图是空的。</translation>
    </message>
    <message>
        <source>Warm colours mark where the evidence for the class is strongest.</source>
        <translation>暖色标出支持该类别的证据最强的地方。</translation>
    </message>
</context>
<context>
    <name>ImageGridDialog</name>
    <message>
        <source>No images in this cell.</source>
        <translation>这个格子里没有图像。</translation>
    </message>
</context>
<context>
    <name>ImageSource</name>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Sample photo</source>
        <translation>示例照片</translation>
    </message>
    <message>
        <source>MNIST test digit</source>
        <translation>MNIST 测试数字</translation>
    </message>
    <message>
        <source>Image file</source>
        <translation>图像文件</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Open image file…</source>
        <translation>打开图像文件…</translation>
    </message>
    <message>
        <source>…or drop an image file anywhere on this tab.</source>
        <translation>……或者把图像文件拖放到本页任意位置。</translation>
    </message>
    <message>
        <source>No image yet</source>
        <translation>还没有图像</translation>
    </message>
    <message>
        <source>Sample photo: {0}</source>
        <translation>示例照片：{0}</translation>
    </message>
    <message>
        <source>Reading the dataset…</source>
        <translation>正在读取数据集…</translation>
    </message>
    <message>
        <source>Dataset image</source>
        <translation>数据集图像</translation>
    </message>
    <message>
        <source>MNIST sample, test digit #{0} (true label: {1})</source>
        <translation>MNIST 样本，测试数字 #{0}（真实标签：{1}）</translation>
    </message>
    <message>
        <source>{0}, test image #{1} (true class: {2})</source>
        <translation>{0}，测试图像 #{1}（真实类别：{2}）</translation>
    </message>
    <message>
        <source>Open an image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;All files (*)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;所有文件 (*)</translation>
    </message>
    <message>
        <source>File: {0}</source>
        <translation>文件：{0}</translation>
    </message>
    <message>
        <source>From another tab</source>
        <translation>来自其他标签页</translation>
    </message>
    <message>
        <source>An image from another tab</source>
        <translation>来自其他页面的图像</translation>
    </message>
    <message>
        <source>True label: {0}</source>
        <translation>真实标签：{0}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>
({0})</source>
        <translation>
（{0}）</translation>
    </message>
</context>
<context>
    <name>InputEditor</name>
    <message>
        <source>Input data</source>
        <translation>输入数据</translation>
    </message>
    <message>
        <source>Raw pixel values 0-255; a Rescaling(1/255) layer scales them inside the model.</source>
        <translation>原始像素值 0-255；模型内部的 Rescaling(1/255) 层会对其缩放。</translation>
    </message>
    <message>
        <source>Integer word ids; start with an Embedding layer.</source>
        <translation>整数词编号；以 Embedding 层开头。</translation>
    </message>
    <message>
        <source>A vector of features at every step; use Conv1D layers.</source>
        <translation>每个时间步是一个特征向量；使用 Conv1D 层。</translation>
    </message>
</context>
<context>
    <name>LayerEditor</name>
    <message>
        <source>Filters</source>
        <translation>过滤器数</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <source>Kernel size</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <source>Strides</source>
        <translation>步幅</translation>
    </message>
    <message>
        <source>Pool size</source>
        <translation>池化窗口</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Dropout rate</source>
        <translation>丢弃率</translation>
    </message>
    <message>
        <source>Vocabulary size</source>
        <translation>词表大小</translation>
    </message>
    <message>
        <source>Vector size</source>
        <translation>向量长度</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>缩放系数</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>偏移</translation>
    </message>
    <message>
        <source>How many feature maps this layer makes (one per filter).</source>
        <translation>这一层生成多少张特征图（每个过滤器一张）。</translation>
    </message>
    <message>
        <source>How many outputs; the last Dense layer needs one per class.</source>
        <translation>输出的个数；最后一个 Dense 层每个类别需要一个。</translation>
    </message>
    <message>
        <source>Height × width of the window each filter looks at.</source>
        <translation>每个过滤器所看窗口的高 × 宽。</translation>
    </message>
    <message>
        <source>How far the window moves each step; 2 halves the size.</source>
        <translation>窗口每一步移动多远；2 会让尺寸减半。</translation>
    </message>
    <message>
        <source>Height × width of the window pooled into one value.</source>
        <translation>被池化成一个值的窗口的高 × 宽。</translation>
    </message>
    <message>
        <source>valid: no border, the output shrinks. same: zero border, the output keeps its size (at stride 1).</source>
        <translation>valid：不加边框，输出变小。same：四周补零，输出保持原尺寸（步幅为 1 时）。</translation>
    </message>
    <message>
        <source>The function applied to each output: relu for hidden layers, softmax/sigmoid for the last.</source>
        <translation>作用在每个输出上的函数：隐藏层用 relu，最后一层用 softmax/sigmoid。</translation>
    </message>
    <message>
        <source>Fraction of values set to zero while training.</source>
        <translation>训练时被置零的数值比例。</translation>
    </message>
    <message>
        <source>Number of different word ids (the vocabulary size).</source>
        <translation>不同词编号的个数（词表大小）。</translation>
    </message>
    <message>
        <source>Length of the vector each word id becomes.</source>
        <translation>每个词编号变成的向量的长度。</translation>
    </message>
    <message>
        <source>Every value is multiplied by this; 1/255 maps pixels 0-255 to 0-1.</source>
        <translation>每个数值都乘以它；1/255 把像素 0-255 映射到 0-1。</translation>
    </message>
    <message>
        <source>Added after scaling.</source>
        <translation>缩放之后再加上。</translation>
    </message>
    <message>
        <source>This layer has no settings.</source>
        <translation>这一层没有可设置的参数。</translation>
    </message>
    <message>
        <source>same as pool size</source>
        <translation>与池化窗口相同</translation>
    </message>
    <message>
        <source>e.g. 1/255</source>
        <translation>例如 1/255</translation>
    </message>
    <message>
        <source>Type a number such as 0.5 or a fraction such as 1/255.</source>
        <translation>请输入数字（如 0.5）或分数（如 1/255）。</translation>
    </message>
</context>
<context>
    <name>LayerTableModel</name>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>LessonsTab</name>
    <message>
        <source>Run the demo</source>
        <translation>运行演示</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Try it yourself</source>
        <translation>自己试试</translation>
    </message>
    <message>
        <source>The demo checks: %1</source>
        <translation>演示要验证的是：%1</translation>
    </message>
    <message>
        <source>Another lesson&apos;s demo is running.</source>
        <translation>另一节课程的演示正在运行。</translation>
    </message>
    <message>
        <source>Incomplete: the demo was stopped.</source>
        <translation>不完整：演示被中途停止了。</translation>
    </message>
    <message>
        <source>✓ The claim holds.</source>
        <translation>✓ 结论成立。</translation>
    </message>
    <message>
        <source>✗ The claim does not hold this time.</source>
        <translation>✗ 这一次结论不成立。</translation>
    </message>
    <message>
        <source>Show the runs in the Training tab</source>
        <translation>在“训练”页查看这些运行</translation>
    </message>
    <message>
        <source>Open the Concepts tab</source>
        <translation>打开“概念”页</translation>
    </message>
    <message>
        <source>Show it in the Visualize tab</source>
        <translation>在“可视化”页查看</translation>
    </message>
    <message>
        <source>Open the Pretrained tab</source>
        <translation>打开“预训练”页</translation>
    </message>
    <message>
        <source>Show it</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>A training is running</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <source>A training is running in another tab. Run the demo at the same time? Both will be slower.</source>
        <translation>另一个页面正在训练模型。要同时运行演示吗？两者都会变慢。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动……</translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation>当前这一步结束后停止……</translation>
    </message>
    <message>
        <source>Done in %1 s.</source>
        <translation>完成，用时 %1 秒。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>A demo is running</source>
        <translation>演示正在运行</translation>
    </message>
    <message>
        <source>A lesson&apos;s demo is still running. Stop it and close?</source>
        <translation>课程演示还在运行。要停止它并关闭吗？</translation>
    </message>
</context>
<context>
    <name>LiveChart</name>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>per batch</source>
        <translation>每批次</translation>
    </message>
    <message>
        <source>per batch, smoothed</source>
        <translation>每批次（平滑）</translation>
    </message>
    <message>
        <source>training (epoch)</source>
        <translation>训练（每轮）</translation>
    </message>
    <message>
        <source>validation (epoch)</source>
        <translation>验证（每轮）</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <source>batch loss %1 (smoothed %2)</source>
        <translation>批次损失 %1（平滑后 %2）</translation>
    </message>
    <message>
        <source>batch accuracy %1</source>
        <translation>批次精度 %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open design or model…</source>
        <translation>打开设计或模型(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save design…</source>
        <translation>保存设计(&amp;S)…</translation>
    </message>
    <message>
        <source>Save trained &amp;model…</source>
        <translation>保存训练好的模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Export for plain &amp;Keras…</source>
        <translation>导出为普通 Keras 模型(&amp;K)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reset text size</source>
        <translation>恢复文字大小(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Big text and thick chart lines, readable from the back of a classroom</source>
        <translation>大号文字和粗图表线条，教室后排也看得清</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About CNN Explorer</source>
        <translation>关于 CNN Explorer(&amp;A)</translation>
    </message>
    <message>
        <source>Loading TensorFlow…</source>
        <translation>正在加载 TensorFlow…</translation>
    </message>
    <message>
        <source>Presentation mode on: press F5 to go back.</source>
        <translation>演示模式已开启：按 F5 返回。</translation>
    </message>
    <message>
        <source>Presentation mode off.</source>
        <translation>演示模式已关闭。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The interface will be in %1 the next time CNN Explorer starts.</source>
        <translation>下次启动 CNN Explorer 时，界面语言将为 %1。</translation>
    </message>
    <message>
        <source>Restart now to switch, or keep working and switch the next time CNN Explorer starts.</source>
        <translation>现在重启即可切换，也可以继续工作，下次启动 CNN Explorer 时再切换。</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>立即重启(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
    <message>
        <source>CNN Explorer could not start again. Start it yourself to switch the language.</source>
        <translation>CNN Explorer 无法自动重新启动。请手动启动它以切换语言。</translation>
    </message>
    <message>
        <source>TensorFlow is loaded; training and visualisation are ready.</source>
        <translation>TensorFlow 已加载，可以训练和可视化了。</translation>
    </message>
    <message>
        <source>TensorFlow could not be loaded</source>
        <translation>无法加载 TensorFlow</translation>
    </message>
    <message>
        <source>The dataset the Training tab uses</source>
        <translation>“训练”页使用的数据集</translation>
    </message>
    <message>
        <source>The dataset the current model was trained on</source>
        <translation>当前模型训练时使用的数据集</translation>
    </message>
    <message>
        <source>Dataset: %1</source>
        <translation>数据集：%1</translation>
    </message>
    <message>
        <source>Model: %1 (%2)</source>
        <translation>模型：%1（%2）</translation>
    </message>
    <message>
        <source>Design: %1 (not built yet)</source>
        <translation>设计：%1（尚未构建）</translation>
    </message>
    <message>
        <source>Model: none</source>
        <translation>模型：无</translation>
    </message>
    <message>
        <source>CNN Explorer designs (%1)</source>
        <translation>CNN Explorer 设计 (%1)</translation>
    </message>
    <message>
        <source>Designs and models (%1)</source>
        <translation>设计和模型 (%1)</translation>
    </message>
    <message>
        <source>Keras models (%1)</source>
        <translation>Keras 模型 (%1)</translation>
    </message>
    <message>
        <source>Open design or model</source>
        <translation>打开设计或模型</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>%1 is neither a design (.json) nor a Keras model (.keras, .h5).</source>
        <translation>%1 既不是设计文件 (.json)，也不是 Keras 模型 (.keras, .h5)。</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>There is no design to save yet. Build one in the Builder tab first.</source>
        <translation>还没有可保存的设计。请先在“构建”页中搭建一个。</translation>
    </message>
    <message>
        <source>Save design</source>
        <translation>保存设计</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>There is no trained or loaded model to save. Train one in the Training tab first.</source>
        <translation>没有训练好或已载入的模型可保存。请先在“训练”页中训练一个。</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <source>There is no model or design to export. Build a design or train a model first.</source>
        <translation>没有可导出的模型或设计。请先搭建一个设计或训练一个模型。</translation>
    </message>
    <message>
        <source>Keras 3 model (%1)</source>
        <translation>Keras 3 模型 (%1)</translation>
    </message>
    <message>
        <source>Legacy HDF5 model, as in the tutorial (%1)</source>
        <translation>旧版 HDF5 模型，与教程相同 (%1)</translation>
    </message>
    <message>
        <source>Export for plain Keras</source>
        <translation>导出为普通 Keras 模型</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>(no recent files)</source>
        <translation>（没有最近的文件）</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>%1 no longer exists. It may have been moved or deleted.</source>
        <translation>%1 已不存在，可能被移动或删除了。</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>关于 %1</translation>
    </message>
    <message>
        <source>Learn and teach convolutional neural networks by pointing and clicking.</source>
        <translation>点一点鼠标，学习和讲授卷积神经网络。</translation>
    </message>
    <message>
        <source>TensorFlow is still loading.</source>
        <translation>TensorFlow 仍在加载。</translation>
    </message>
    <message>
        <source>Bundled data and its licences are listed under Show Details.</source>
        <translation>随附数据及其许可证列在“显示详细信息”中。</translation>
    </message>
</context>
<context>
    <name>ModelBanner</name>
    <message>
        <source>Back to my design</source>
        <translation>回到我的设计</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>ModelSource</name>
    <message>
        <source>trained</source>
        <translation>训练所得</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>pretrained</source>
        <translation>预训练</translation>
    </message>
    <message>
        <source>built</source>
        <translation>新构建</translation>
    </message>
</context>
<context>
    <name>PoolLab</name>
    <message>
        <source>Pool size</source>
        <translation>池化窗口</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>步幅</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>average</source>
        <translation>平均值</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;How max pooling works.&lt;/b&gt; The input is cut into windows (2×2 with stride 2 by default). From each window only the largest number is kept (circled in green); the others are dropped.&lt;/p&gt;&lt;p&gt;A 2×2 pool with stride 2 halves the width and the height. The strongest response of each region survives, so a feature still counts if it moves by a pixel, and the next convolution&apos;s 3×3 window covers twice as much of the original picture.&lt;/p&gt;&lt;p&gt;Pooling has no weights: nothing is learned here. &lt;b&gt;Average&lt;/b&gt; pooling keeps the mean of the window instead. With padding &apos;same&apos; the border cells take no part: they are not zeros that could win.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;最大池化是怎么算的。&lt;/b&gt;输入被切成一个个窗口（默认 2×2，步幅 2）。每个窗口只保留最大的那个数（绿色圆圈），其余的都丢掉。&lt;/p&gt;&lt;p&gt;步幅为 2 的 2×2 池化让宽和高都减半。每个区域里最强的响应被保留下来，所以特征移动一个像素也照样算数，而且下一层卷积的 3×3 窗口能覆盖原图两倍大的范围。&lt;/p&gt;&lt;p&gt;池化没有权重：这里什么也不用学。&lt;b&gt;平均&lt;/b&gt;池化保留的是窗口的平均值。在 &apos;same&apos; 填充时，边框上的格子不参与计算：它们不是可能“胜出”的零。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>grey border: padding, ignored by pooling</source>
        <translation>灰色边框：填充，池化时不参与</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>This window keeps</source>
        <translation>这个窗口保留</translation>
    </message>
</context>
<context>
    <name>PredictionPanel</name>
    <message>
        <source>Prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>{0:.1f} %</source>
        <translation>{0:.1f} %</translation>
    </message>
</context>
<context>
    <name>PretrainedTab</name>
    <message>
        <source>1. Pretrained base</source>
        <translation>1. 预训练基网络</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>网络：</translation>
    </message>
    <message>
        <source>Images are resized to this width and height (the tutorial uses 150).</source>
        <translation>图像会被缩放到这个宽度和高度（教程使用 150）。</translation>
    </message>
    <message>
        <source>Input size:</source>
        <translation>输入尺寸：</translation>
    </message>
    <message>
        <source>ImageNet (download once)</source>
        <translation>ImageNet（只需下载一次）</translation>
    </message>
    <message>
        <source>Local weights file</source>
        <translation>本地权重文件</translation>
    </message>
    <message>
        <source>Random weights (no download)</source>
        <translation>随机权重（无需下载）</translation>
    </message>
    <message>
        <source>….h5 file for this network</source>
        <translation>此网络的 ….h5 文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Weights:</source>
        <translation>权重：</translation>
    </message>
    <message>
        <source>Load base</source>
        <translation>载入基网络</translation>
    </message>
    <message>
        <source>No base loaded.</source>
        <translation>尚未载入基网络。</translation>
    </message>
    <message>
        <source>2. Your images and the classifier head</source>
        <translation>2. 你的图像和分类头</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Write a small generated folder (circles, squares, triangles; 60 images each) and use it: works without network.</source>
        <translation>生成一个小型图像文件夹（圆形、正方形、三角形，每类 60 张）并使用它：无需网络。</translation>
    </message>
    <message>
        <source>Image folder:</source>
        <translation>图像文件夹：</translation>
    </message>
    <message>
        <source>Head:</source>
        <translation>分类头：</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批量</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Fine-tuning rate</source>
        <translation>微调学习率</translation>
    </message>
    <message>
        <source>3. Train (RMSprop)</source>
        <translation>3. 训练 (RMSprop)</translation>
    </message>
    <message>
        <source>Method 1: extract features, train the head</source>
        <translation>方法 1：提取特征，训练分类头</translation>
    </message>
    <message>
        <source>Runs the base once over your images and trains only the dense head on its output: fast, but no augmentation.</source>
        <translation>用基网络把你的图像跑一遍，只在其输出上训练全连接分类头：速度快，但不能做数据增强。</translation>
    </message>
    <message>
        <source>Base + head as one model; every epoch runs the base again, so augmentation is possible, at the cost of speed.</source>
        <translation>基网络 + 分类头组成一个模型；每一轮都重新运行基网络，因此可以做数据增强，代价是速度较慢。</translation>
    </message>
    <message>
        <source>Fine-tune the unfrozen layers</source>
        <translation>微调解冻的层</translation>
    </message>
    <message>
        <source>Continue training the trained classifier with the layers ticked in the table unfrozen, at the low fine-tuning learning rate.</source>
        <translation>解冻表格中勾选的层，以较低的微调学习率继续训练已训练好的分类器。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Loss and accuracy appear here while a method trains.</source>
        <translation>训练时损失和精度会显示在这里。</translation>
    </message>
    <message>
        <source>one sub-folder per class</source>
        <translation>每个类别一个子文件夹</translation>
    </message>
    <message>
        <source>Augment (method 2 and fine-tuning)</source>
        <translation>数据增强（用于方法 2 和微调）</translation>
    </message>
    <message>
        <source>Method 2: train end to end</source>
        <translation>方法 2：端到端训练</translation>
    </message>
    <message>
        <source>ImageNet (bundled, no download)</source>
        <translation>ImageNet（已附带，无需下载）</translation>
    </message>
    <message>
        <source>ImageNet (cached on this computer)</source>
        <translation>ImageNet（本机已缓存）</translation>
    </message>
    <message>
        <source>%1 (%2). %3 Input at least %4 px (ImageNet size %5). Preprocessing: %6. %7 parameters; ImageNet weights %8.</source>
        <translation>%1（%2）。%3 输入至少 %4 像素（ImageNet 尺寸 %5）。预处理：%6。%7 个参数；ImageNet 权重%8。</translation>
    </message>
    <message>
        <source>cached on this computer</source>
        <translation>已缓存在本机</translation>
    </message>
    <message>
        <source>bundled with the app</source>
        <translation>随软件附带</translation>
    </message>
    <message>
        <source>%1 download</source>
        <translation>需下载 %1</translation>
    </message>
    <message>
        <source>Choose the weights file (Browse…), or pick ImageNet or random weights.</source>
        <translation>请选择权重文件（浏览…），或改用 ImageNet 权重或随机权重。</translation>
    </message>
    <message>
        <source>Weights file</source>
        <translation>权重文件</translation>
    </message>
    <message>
        <source>Keras weights (*.h5 *.weights.h5);;All files (*)</source>
        <translation>Keras 权重 (*.h5 *.weights.h5);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Image folder (one sub-folder per class)</source>
        <translation>图像文件夹（每个类别一个子文件夹）</translation>
    </message>
    <message>
        <source>Writing the example folder…</source>
        <translation>正在写入示例文件夹…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在载入 %1…</translation>
    </message>
    <message>
        <source>Loaded %1 at %2×%2 with %3.</source>
        <translation>已载入 %1，输入 %2×%2，权重：%3。</translation>
    </message>
    <message>
        <source>⚠ %1 %2: random weights — patterns will not be meaningful. Use ImageNet weights or a local weights file for real transfer.</source>
        <translation>⚠ %1 %2：随机权重 —— 学到的模式没有意义。要真正迁移学习，请使用 ImageNet 权重或本地权重文件。</translation>
    </message>
    <message>
        <source>%1 %2, %3</source>
        <translation>%1 %2，%3</translation>
    </message>
    <message>
        <source>%1 has BatchNormalization layers: they stay frozen, in inference mode, even when fine-tuning (as Keras&apos; transfer-learning guide advises), so a few small batches cannot overwrite the statistics learned on ImageNet.</source>
        <translation>%1 含有 BatchNormalization 层：即使在微调时它们也保持冻结并处于推理模式（按 Keras 迁移学习指南的建议），这样少量小批次就不会覆盖在 ImageNet 上学到的统计量。</translation>
    </message>
    <message>
        <source>Tick a layer to let it train; drag &apos;Fine-tune from&apos; to unfreeze the top of the network. Frozen layers keep their weights bit for bit.</source>
        <translation>勾选一层即可让它参与训练；拖动“微调起点”可解冻网络的上部。冻结的层权重丝毫不变。</translation>
    </message>
    <message>
        <source>Load a pretrained base first (step 1).</source>
        <translation>请先加载一个预训练基础网络（第 1 步）。</translation>
    </message>
    <message>
        <source>Another tab is training (%1): stop it there first.</source>
        <translation>另一个标签页正在训练（%1）：请先在那里停止。</translation>
    </message>
    <message>
        <source>Method 1: extracting features…</source>
        <translation>方法 1：正在提取特征…</translation>
    </message>
    <message>
        <source>Method 2: training…</source>
        <translation>方法 2：正在训练…</translation>
    </message>
    <message>
        <source>Fine-tuning…</source>
        <translation>正在微调…</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>当前批次结束后停止…</translation>
    </message>
    <message>
        <source>Base ready. Choose an image folder, then a method.</source>
        <translation>基网络已就绪。请选择图像文件夹，再选择一种方法。</translation>
    </message>
    <message>
        <source>Example folder ready: 3 classes of generated shapes (circles, squares, triangles).</source>
        <translation>示例文件夹已就绪：3 类生成的图形（圆形、正方形、三角形）。</translation>
    </message>
    <message>
        <source>Images: %1</source>
        <translation>图像：%1</translation>
    </message>
    <message>
        <source>Test accuracy %1 · test loss %2</source>
        <translation>测试精度 %1 · 测试损失 %2</translation>
    </message>
    <message>
        <source>Feature extraction: the base ran once (%1 s); each head epoch took %2 s. Running the base every epoch would have taken about %3× as long.</source>
        <translation>特征提取：基网络只运行一次（%1 秒）；分类头每轮用时 %2 秒。如果每轮都运行基网络，耗时约为 %3 倍。</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n epoch(s).</source>
        <translation>
            <numerusform>已在 %n 轮后停止。</numerusform>
        </translation>
    </message>
    <message>
        <source>The model is now the session&apos;s model: look inside it in the Visualize tab.</source>
        <translation>此模型现在是当前会话的模型：可在“可视化”页中查看它的内部。</translation>
    </message>
    <message>
        <source>Done in %1 s.</source>
        <translation>完成，用时 %1 秒。</translation>
    </message>
    <message>
        <source>The run was not kept.</source>
        <translation>这次运行没有保存。</translation>
    </message>
    <message>
        <source>Not done: see the message.</source>
        <translation>未完成：请查看提示信息。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Method 2 trains the head only: the whole base is frozen.</source>
        <translation>方法 2 只训练分类头：整个基础网络都已冻结。</translation>
    </message>
    <message>
        <source>Method 2 and fine-tuning will train the head and the ticked base layers: %1 of them, from %2 on (%3 parameters).</source>
        <translation>方法 2 和微调将训练分类头以及勾选的基础网络层：共 %1 层，从 %2 开始（%3 个参数）。</translation>
    </message>
    <message>
        <source>Augmentation: %1</source>
        <translation>数据增强：%1</translation>
    </message>
    <message>
        <source>Transfer learning is running</source>
        <translation>迁移学习正在运行</translation>
    </message>
    <message>
        <source>A pretrained model is still training. Stop it and close?</source>
        <translation>预训练模型仍在训练。要停止训练并关闭吗？</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <source>&lt;b&gt;Runs&lt;/b&gt; — tick to compare</source>
        <translation>&lt;b&gt;训练记录&lt;/b&gt; — 勾选以比较</translation>
    </message>
    <message>
        <source>Every finished or stopped run is kept. Tick runs to draw them on the same chart; double-click a name to rename it.</source>
        <translation>每次完成或停止的训练都会保留。勾选几条记录，把它们画在同一张图上；双击名称可以改名。</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Open a run file, e.g. one written by &apos;cnnexplorer train --history&apos;.</source>
        <translation>打开一个训练记录文件，例如由 “cnnexplorer train --history” 写出的文件。</translation>
    </message>
    <message>
        <source>Table CSV…</source>
        <translation>表格 CSV…</translation>
    </message>
    <message>
        <source>Export the comparison table of the ticked runs as CSV. &apos;Chart PNG…&apos; exports the overlaid curves.</source>
        <translation>把勾选记录的比较表导出为 CSV。“图表 PNG…”导出叠加的曲线。</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>训练记录</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Best val. acc.</source>
        <translation>最佳验证准确率</translation>
    </message>
    <message>
        <source>Test acc.</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Train−val gap</source>
        <translation>训练−验证差距</translation>
    </message>
    <message>
        <source>{0} on {1}; {2} epoch(s); test accuracy {3}</source>
        <translation>{0}，数据集 {1}；{2} 轮；测试准确率 {3}</translation>
    </message>
    <message>
        <source>Stopped before its end.</source>
        <translation>在结束前被停止。</translation>
    </message>
    <message>
        <source>Its model file {0} is gone; the history is kept.</source>
        <translation>它的模型文件 {0} 已不存在；训练历史仍然保留。</translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation>删除训练记录</translation>
    </message>
    <message>
        <source>Delete the run “{0}”? Its model file, if any, is kept.</source>
        <translation>删除训练记录“{0}”？如果有模型文件，它会保留。</translation>
    </message>
    <message>
        <source>Import run</source>
        <translation>导入训练记录</translation>
    </message>
    <message>
        <source>Run files (*.json)</source>
        <translation>训练记录文件 (*.json)</translation>
    </message>
    <message>
        <source>Export comparison table</source>
        <translation>导出比较表</translation>
    </message>
    <message>
        <source>{0:+.1f} pt</source>
        <translation>{0:+.1f} 个百分点</translation>
    </message>
</context>
<context>
    <name>ScalingChoice</name>
    <message>
        <source>Pixels fed to the model</source>
        <translation>输入模型的像素</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>What the model&apos;s first layers suggest (see below).</source>
        <translation>根据模型开头几层的推断（见下方说明）。</translation>
    </message>
    <message>
        <source>0-255 (raw pixels)</source>
        <translation>0-255（原始像素）</translation>
    </message>
    <message>
        <source>Models made in CNN Explorer: they scale inside.</source>
        <translation>CNN Explorer 里做的模型：它们在模型内部缩放像素。</translation>
    </message>
    <message>
        <source>0-1 (pixels / 255)</source>
        <translation>0-1（像素 / 255）</translation>
    </message>
    <message>
        <source>Models that expect scaled pixels.</source>
        <translation>需要先把像素缩放好的模型。</translation>
    </message>
    <message>
        <source>BGR minus mean</source>
        <translation>BGR 减去均值</translation>
    </message>
    <message>
        <source>VGG16/ResNet50 style (caffe): BGR channel order, minus the ImageNet mean.</source>
        <translation>VGG16/ResNet50 方式（caffe）：BGR 通道顺序，并减去 ImageNet 均值。</translation>
    </message>
    <message>
        <source>-1 to 1</source>
        <translation>-1 到 1</translation>
    </message>
    <message>
        <source>Inception/Xception/MobileNet style: pixels / 127.5 - 1.</source>
        <translation>Inception/Xception/MobileNet 方式：像素 / 127.5 - 1。</translation>
    </message>
    <message>
        <source>Automatic: {0} — {1}.</source>
        <translation>自动：{0} —— {1}。</translation>
    </message>
    <message>
        <source>Chosen by you. Automatic would be {0}.</source>
        <translation>由你选择。自动选择会是 {0}。</translation>
    </message>
</context>
<context>
    <name>StepBar</name>
    <message>
        <source>|◀ Start</source>
        <translation>|◀ 开头</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <source>End ▶|</source>
        <translation>结尾 ▶|</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>⏸ Pause</source>
        <translation>⏸ 暂停</translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Builder</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <source>Pretrained</source>
        <translation>预训练</translation>
    </message>
    <message>
        <source>Visualize</source>
        <translation>可视化</translation>
    </message>
    <message>
        <source>Concepts</source>
        <translation>概念</translation>
    </message>
</context>
<context>
    <name>TrainingResults</name>
    <message>
        <source>&lt;b&gt;Confusion matrix&lt;/b&gt; (rows: true class, columns: predicted) — click a cell to see those test images</source>
        <translation>&lt;b&gt;混淆矩阵&lt;/b&gt;（行：真实类别，列：预测类别）—— 点击格子查看对应的测试图像</translation>
    </message>
    <message>
        <source>Test results appear here after training.</source>
        <translation>训练后测试结果显示在这里。</translation>
    </message>
    <message>
        <source>No test results: the run was stopped before testing.</source>
        <translation>没有测试结果：训练在测试前被停止了。</translation>
    </message>
    <message>
        <source>Test accuracy {0:.1%}
Test loss {1:.4f}</source>
        <translation>测试精度 {0:.1%}
测试损失 {1:.4f}</translation>
    </message>
    <message>
        <source>{0} test images, {1} wrong.</source>
        <translation>{0} 张测试图像，错了 {1} 张。</translation>
    </message>
    <message>
        <source>Hardest class: {0} ({1:.0%}); easiest: {2} ({3:.0%}).</source>
        <translation>最难的类别：{0}（{1:.0%}）；最容易的：{2}（{3:.0%}）。</translation>
    </message>
    <message>
        <source>Most confused:</source>
        <translation>最常混淆：</translation>
    </message>
    <message>
        <source>The model is now the current model: the Visualize tab looks inside it.</source>
        <translation>此模型现在是当前模型：“可视化”页会查看它的内部。</translation>
    </message>
    <message>
        <source>{0} examples of true {1} predicted as {2} (sequences cannot be shown as images).</source>
        <translation>{0} 个真实为 {1} 却被预测为 {2} 的样本（序列无法显示为图像）。</translation>
    </message>
    <message>
        <source>#{0}
true {1} · pred {2}
{3:.0%} sure</source>
        <translation>#{0}
真实 {1} · 预测 {2}
把握 {3:.0%}</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>mistakes</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>True {0}, predicted {1}: {2} image(s) ({3})</source>
        <translation>真实 {0}，预测 {1}：{2} 张图像（{3}）</translation>
    </message>
    <message>
        <source>Showing the first {0}.</source>
        <translation>显示前 {0} 张。</translation>
    </message>
    <message>
        <source>Show in Visualize</source>
        <translation>在“可视化”页中显示</translation>
    </message>
    <message>
        <source>test #{0}: predicted {1} ({2:.0%})</source>
        <translation>测试 #{0}：预测为 {1}（{2:.0%}）</translation>
    </message>
</context>
<context>
    <name>TrainingSettings</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Train the Builder&apos;s design from scratch, or keep training the current model (loaded from a file or trained before).</source>
        <translation>从头训练“构建”页中的设计，或继续训练当前模型（从文件载入或之前训练的）。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Augment training images</source>
        <translation>对训练图像做数据增强</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Share of the training images kept aside to check for overfitting. 0 = use the dataset&apos;s own validation set, if it has one.</source>
        <translation>留出一部分训练图像用于检查过拟合。0 = 使用数据集自带的验证集（如果有）。</translation>
    </message>
    <message>
        <source>Shuffle every epoch</source>
        <translation>每轮打乱顺序</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Stop when validation loss has not improved for this many epochs (and keep the best weights).</source>
        <translation>验证损失连续这么多轮没有改善时停止（并保留最佳权重）。</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <source>Validation split</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <source>{0} (template)</source>
        <translation>{0}（模板）</translation>
    </message>
    <message>
        <source>Design: {0}</source>
        <translation>设计：{0}</translation>
    </message>
    <message>
        <source>Current model: {0} ({1})</source>
        <translation>当前模型：{0}（{1}）</translation>
    </message>
    <message>
        <source>Keeps the model&apos;s current weights and optimizer.</source>
        <translation>保留模型当前的权重和优化器。</translation>
    </message>
    <message>
        <source>Built fresh: {0}, learning rate {1:g}, loss {2} (change them in the Builder).</source>
        <translation>全新构建：{0}，学习率 {1:g}，损失 {2}（在“构建”页中修改）。</translation>
    </message>
    <message>
        <source>This is the tutorial&apos;s categorical_crossentropy: the same loss, taking each label as a class number (3) instead of a one-hot row from to_categorical.</source>
        <translation>它就是教程里的 categorical_crossentropy：同一个损失，只是每个标签直接用类别编号（如 3），而不是先用 to_categorical 变成独热向量。</translation>
    </message>
    <message>
        <source> — needs download</source>
        <translation> —— 需要下载</translation>
    </message>
    <message>
        <source>Image folder: {0}</source>
        <translation>图像文件夹：{0}</translation>
    </message>
    <message>
        <source>Image folder…</source>
        <translation>图像文件夹…</translation>
    </message>
    <message>
        <source>Augmentation changes images; this dataset holds sequences.</source>
        <translation>数据增强只作用于图像；这个数据集是序列。</translation>
    </message>
    <message>
        <source>No augmentation set: choose transforms in the Augmentation tab.</source>
        <translation>尚未设置数据增强：请在“数据增强”页中选择变换。</translation>
    </message>
    <message>
        <source>Settings from the Augmentation tab: {0}</source>
        <translation>来自“数据增强”页的设置：{0}</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Train a fresh model with these settings (the chart starts over).</source>
        <translation>用这些设置训练一个新模型（图表重新开始）。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Train the same model for more epochs on the same chart.</source>
        <translation>在同一张图表上把同一个模型再多训练几轮。</translation>
    </message>
    <message>
        <source>Save model…</source>
        <translation>保存模型…</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message>
        <source>Point at the chart to read its values.</source>
        <translation>把鼠标指向图表即可读取数值。</translation>
    </message>
    <message>
        <source>Chart PNG…</source>
        <translation>图表 PNG…</translation>
    </message>
    <message>
        <source>Export the chart as a PNG picture</source>
        <translation>把图表导出为 PNG 图片</translation>
    </message>
    <message>
        <source>History CSV…</source>
        <translation>历史 CSV…</translation>
    </message>
    <message>
        <source>Export the per-epoch numbers as CSV</source>
        <translation>把每轮的数值导出为 CSV</translation>
    </message>
    <message>
        <source>Image folder (one sub-folder per class)</source>
        <translation>图像文件夹（每个类别一个子文件夹）</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>当前批次结束后停止…</translation>
    </message>
    <message>
        <source>Pretrained</source>
        <translation>预训练</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>The {0} tab is training a model. Wait until it is done, or stop it there, then start again.</source>
        <translation>“{0}”标签页正在训练模型。请等它完成，或在那里停止，然后再开始。</translation>
    </message>
    <message>
        <source>Starting… (the first batch also prepares the network)</source>
        <translation>正在开始…（第一个批次还要准备网络）</translation>
    </message>
    <message>
        <source>The design cannot be trained yet: {0} Fix it in the Builder tab.</source>
        <translation>这个设计暂时无法训练：{0} 请在“构建”页中修正。</translation>
    </message>
    <message>
        <source>The model does not fit the dataset</source>
        <translation>模型与数据集不匹配</translation>
    </message>
    <message>
        <source>{0}

Apply these changes and train?</source>
        <translation>{0}

应用这些修改并开始训练吗？</translation>
    </message>
    <message>
        <source>Continue +{0}</source>
        <translation>继续 +{0}</translation>
    </message>
    <message>
        <source>Epoch {0}/{1} · batch {2}/{3} · {4:,.0f} samples/s · {5} left</source>
        <translation>第 {0}/{1} 轮 · 批次 {2}/{3} · 每秒 {4:,.0f} 个样本 · 剩余 {5}</translation>
    </message>
    <message>
        <source>estimating</source>
        <translation>估算中</translation>
    </message>
    <message>
        <source>Stopped after {0} epoch(s). Continue trains further; Start begins afresh.</source>
        <translation>已在 {0} 轮后停止。“继续”接着训练；“开始”从头开始。</translation>
    </message>
    <message>
        <source>Training did not run: see the message.</source>
        <translation>训练没有运行：请查看提示信息。</translation>
    </message>
    <message>
        <source> (stopped)</source>
        <translation>（已停止）</translation>
    </message>
    <message>
        <source>Stopped: the loss became NaN (see the advice under the chart).</source>
        <translation>已停止：损失变成了 NaN（见图表下方的建议）。</translation>
    </message>
    <message>
        <source>The model outputs {0} classes, {1} has {2}. A trained model&apos;s output layer cannot be changed here: train the Builder&apos;s design instead, or choose a dataset with as many classes.</source>
        <translation>模型输出 {0} 个类别，{1} 有 {2} 个。已训练模型的输出层不能在这里修改：请改为训练“构建”标签页中的设计，或选择类别数相同的数据集。</translation>
    </message>
    <message>
        <source>Done: {0} epoch(s) in {1}.</source>
        <translation>完成：{0} 轮，用时 {1}。</translation>
    </message>
    <message>
        <source> Early stopping ended the run.</source>
        <translation> 提前停止结束了这次训练。</translation>
    </message>
    <message>
        <source>Coach: {0}</source>
        <translation>教练：{0}</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <source>Keras models (*.keras)</source>
        <translation>Keras 模型 (*.keras)</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>已保存 {0}。</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>导出历史</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <source>A model is still training. Stop training and close?</source>
        <translation>模型仍在训练。要停止训练并关闭吗？</translation>
    </message>
</context>
<context>
    <name>VisualizeExport</name>
    <message>
        <source>There is nothing to export yet: choose an image and wait for the result.</source>
        <translation>还没有可导出的内容：请先选择一张图像，并等待结果出来。</translation>
    </message>
    <message>
        <source>Export PNG</source>
        <translation>导出 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
</context>
<context>
    <name>VisualizeTab</name>
    <message>
        <source>Activations</source>
        <translation>激活</translation>
    </message>
    <message>
        <source>Filter patterns</source>
        <translation>过滤器模式</translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No model to look into yet&lt;/h2&gt;&lt;p&gt;Visualize shows what a convolutional network does with an image: the feature maps of each layer, the patterns its filters look for, and where it looked to decide (Grad-CAM).&lt;/p&gt;&lt;p&gt;Get a model first: &lt;b&gt;train&lt;/b&gt; one in the Training tab, &lt;b&gt;open&lt;/b&gt; a .keras file with File › Open model, or &lt;b&gt;compose&lt;/b&gt; one in the Pretrained tab.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;还没有可以查看的模型&lt;/h2&gt;&lt;p&gt;“可视化”展示卷积网络如何处理一张图像：每一层的特征图、过滤器在寻找的模式，以及它做决定时看的是哪里 (Grad-CAM)。&lt;/p&gt;&lt;p&gt;请先准备一个模型：在“训练”页中&lt;b&gt;训练&lt;/b&gt;一个，用“文件 › 打开”&lt;b&gt;打开&lt;/b&gt;一个 .keras 文件，或者在“预训练”页中&lt;b&gt;组合&lt;/b&gt;一个。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Model: &lt;b&gt;{0}&lt;/b&gt; — reading its layers…</source>
        <translation>模型：&lt;b&gt;{0}&lt;/b&gt; —— 正在读取它的层…</translation>
    </message>
    <message>
        <source>This model cannot be visualized here</source>
        <translation>这个模型无法在这里可视化</translation>
    </message>
    <message>
        <source>Model: &lt;b&gt;{0}&lt;/b&gt; — input {1}, {2} classes</source>
        <translation>模型：&lt;b&gt;{0}&lt;/b&gt; —— 输入 {1}，{2} 个类别</translation>
    </message>
    <message>
        <source>Model: &lt;b&gt;{0}&lt;/b&gt; — input {1}, feature maps out (no classifier)</source>
        <translation>模型：&lt;b&gt;{0}&lt;/b&gt; —— 输入 {1}，输出特征图（没有分类器）</translation>
    </message>
    <message>
        <source>This model ends in feature maps, not in class scores: it predicts no class. Its activations and filter patterns are still worth a look.</source>
        <translation>这个模型的输出是特征图，而不是各类别的得分：它不预测任何类别。不过它的激活和过滤器模式仍然值得一看。</translation>
    </message>
</context>
<context>
    <name>WeightsPage</name>
    <message>
        <source>Input height</source>
        <translation>输入高度</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>channels</source>
        <translation>通道数</translation>
    </message>
    <message>
        <source>Filters / units</source>
        <translation>滤波器 / 单元数</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Multiply-adds</source>
        <translation>乘加次数</translation>
    </message>
    <message>
        <source>Where the weights come from</source>
        <translation>权重从哪里来</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Why convolutions need so few weights.&lt;/b&gt; A Dense layer connects every input number to every unit, so its weights grow with the size of the picture. A Conv2D connects each output only to a small k×k window and reuses the same weights at every position: its weight count does not depend on the picture size at all. Replacing one Conv2D by a Dense layer with the same number of outputs would take millions of weights.&lt;/p&gt;&lt;p&gt;&lt;b&gt;SeparableConv2D&lt;/b&gt; splits the work in two: one k×k filter per input channel (depthwise), then a 1×1 convolution that mixes the channels (pointwise). With many channels this needs several times fewer weights and multiplications than Conv2D, and often learns just as well.&lt;/p&gt;&lt;p&gt;&lt;i&gt;The bars use a logarithmic scale: each step to the right is ten times more.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;为什么卷积需要的权重这么少。&lt;/b&gt;Dense 层把每个输入数字都连到每个单元上，所以它的权重随图片大小增长。Conv2D 让每个输出只连到一个小小的 k×k 窗口，并且在每个位置重复使用同一组权重：它的权重数量和图片大小完全无关。如果用输出数量相同的 Dense 层来代替一个 Conv2D，需要上百万个权重。&lt;/p&gt;&lt;p&gt;&lt;b&gt;SeparableConv2D&lt;/b&gt; 把工作分成两步：先对每个输入通道各用一个 k×k 滤波器（逐通道），再用 1×1 卷积把各通道混合起来（逐点）。通道多的时候，它需要的权重和乘法比 Conv2D 少好几倍，而且常常学得一样好。&lt;/p&gt;&lt;p&gt;&lt;i&gt;条形图使用对数刻度：向右每前进一格就是十倍。&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The %1×%1 kernel is larger than the %2×%3 input, so with padding &apos;valid&apos; the convolution has no output. Use padding &apos;same&apos;, a smaller kernel or a bigger input.</source>
        <translation>%1×%1 的卷积核比 %2×%3 的输入还大，在填充方式为 &apos;valid&apos; 时卷积没有输出。请使用 &apos;same&apos; 填充、更小的卷积核或更大的输入。</translation>
    </message>
    <message>
        <source>Dense, %1 units</source>
        <translation>Dense，%1 个单元</translation>
    </message>
    <message>
        <source>Dense, as many outputs as the Conv2D</source>
        <translation>Dense，输出数量与 Conv2D 相同</translation>
    </message>
    <message>
        <source>Weights (parameters)</source>
        <translation>权重（参数）</translation>
    </message>
    <message>
        <source>Multiply-adds for one input</source>
        <translation>处理一个输入的乘加次数</translation>
    </message>
</context>
<context>
    <name>_LabPage</name>
    <message>
        <source>Digit %1</source>
        <translation>数字 %1</translation>
    </message>
    <message>
        <source>Blank (draw)</source>
        <translation>空白（手绘）</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>The input grid is empty. Choose a digit, or set the size to at least 1 and draw on it.</source>
        <translation>输入网格是空的。请选择一个数字，或者把大小设为至少 1，然后在上面画。</translation>
    </message>
    <message>
        <source>No output</source>
        <translation>没有输出</translation>
    </message>
    <message>
        <source>The window does not fit: see the note on the right.</source>
        <translation>窗口放不下：请看右侧的说明。</translation>
    </message>
    <message>
        <source>Input %1×%2</source>
        <translation>输入 %1×%2</translation>
    </message>
    <message>
        <source>Output %1×%2</source>
        <translation>输出 %1×%2</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>pooling window</source>
        <translation>池化窗口</translation>
    </message>
    <message>
        <source>The input grid is empty: choose a digit, or give the grid at least one row and column with the Size box.</source>
        <translation>输入网格是空的：请选择一个数字，或者用“大小”框让网格至少有一行一列。</translation>
    </message>
    <message>
        <source>The %1×%1 %2 is larger than the %3×%4 input, so with padding &apos;valid&apos; it fits nowhere and there is no output. Use a smaller %2, a bigger grid, or padding &apos;same&apos;.</source>
        <translation>%1×%1 的%2比 %3×%4 的输入还大，在填充方式为 &apos;valid&apos; 时它哪里都放不下，所以没有输出。请换一个更小的%2、更大的网格，或者使用 &apos;same&apos; 填充。</translation>
    </message>
    <message>
        <source>The grid is all zeros, so every output is 0 too. Click the input cells to draw something (right click erases), or choose a digit.</source>
        <translation>网格全是 0，所以输出也全是 0。点击输入格子画点什么（右键擦除），或者选择一个数字。</translation>
    </message>
    <message>
        <source>The stride (%1) is larger than the %2 (%3): the window jumps over some input cells and never looks at them (crossed out in red). Keras allows it, but that information is lost. Use a stride of at most %3.</source>
        <translation>步幅（%1）比%2（%3）还大：窗口会跳过一些输入格子，从来不看它们（红色叉号）。Keras 允许这样做，但这些信息就丢失了。请把步幅设为不超过 %3。</translation>
    </message>
    <message>
        <source>out = ceil(n / s)</source>
        <translation>输出 = ceil(n / s)</translation>
    </message>
    <message>
        <source>pad = (out − 1)·s + k − n</source>
        <translation>填充 = (输出 − 1)·s + k − n</translation>
    </message>
    <message>
        <source>→ %1 before, %2 after</source>
        <translation>→ 前面 %1 个，后面 %2 个</translation>
    </message>
    <message>
        <source>→ no padding needed</source>
        <translation>→ 不需要填充</translation>
    </message>
    <message>
        <source>out = floor((n − k) / s) + 1</source>
        <translation>输出 = floor((n − k) / s) + 1</translation>
    </message>
    <message>
        <source>→ the window does not fit</source>
        <translation>→ 窗口放不下</translation>
    </message>
    <message>
        <source>Output size (each side)</source>
        <translation>输出尺寸（每条边）</translation>
    </message>
    <message>
        <source>n = %1, k = %2, s = %3, padding &apos;%4&apos;</source>
        <translation>n = %1，k = %2，s = %3，填充方式 &apos;%4&apos;</translation>
    </message>
    <message>
        <source>output row %1, column %2</source>
        <translation>输出第 %1 行、第 %2 列</translation>
    </message>
    <message>
        <source>Position %1 of %2 → output row %3, column %4</source>
        <translation>第 %1 个位置（共 %2 个）→ 输出第 %3 行、第 %4 列</translation>
    </message>
</context>
<context>
    <name>activations</name>
    <message>
        <source>The model has no layer {layer!r}. Choose one of: {names}.</source>
        <translation>模型中没有层 {layer!r}。请从以下层中选择：{names}。</translation>
    </message>
    <message>
        <source>Layer {layer} ({kind}) outputs {shape}, not a stack of 2-D maps, so there is no activation grid to show; choose a convolution or pooling layer.</source>
        <translation>{layer} 层（{kind}）的输出形状是 {shape}，不是一叠二维特征图，因此无法显示激活网格；请选择卷积层或池化层。</translation>
    </message>
    <message>
        <source>Running the model once…</source>
        <translation>正在运行一次模型…</translation>
    </message>
    <message>
        <source>Activations ready</source>
        <translation>激活已就绪</translation>
    </message>
    <message>
        <source>An activation grid needs a (height, width, channels) output, not shape {shape}.</source>
        <translation>激活网格需要（高, 宽, 通道）形状的输出，而不是 {shape}。</translation>
    </message>
</context>
<context>
    <name>augment</name>
    <message>
        <source>The preview needs one uint8 image shaped (height, width, channels).</source>
        <translation>预览需要一张形状为 (height, width, channels) 的 uint8 图像。</translation>
    </message>
    <message>
        <source>The number of variants must be from 1 to 64; got {count}.</source>
        <translation>变体数量必须在 1 到 64 之间；当前为 {count}。</translation>
    </message>
    <message>
        <source>preview ready</source>
        <translation>预览已就绪</translation>
    </message>
    <message>
        <source>The robustness probe needs a batch of images (N, height, width, channels).</source>
        <translation>鲁棒性测试需要一批图像，形状为 (N, height, width, channels)。</translation>
    </message>
    <message>
        <source>The model expects images of shape {model_shape}, but the test images are {data_shape}. Choose the dataset the model was trained on.</source>
        <translation>模型需要形状为 {model_shape} 的图像，但测试图像是 {data_shape}。请选择训练该模型时使用的数据集。</translation>
    </message>
</context>
<context>
    <name>augment_config</name>
    <message>
        <source>degrees</source>
        <translation>度</translation>
    </message>
    <message>
        <source>fraction of the width</source>
        <translation>宽度的比例</translation>
    </message>
    <message>
        <source>fraction of the height</source>
        <translation>高度的比例</translation>
    </message>
    <message>
        <source>shear factor (sideways shift per unit of height)</source>
        <translation>错切系数（每单位高度的横向位移）</translation>
    </message>
    <message>
        <source>fraction</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>pixel value</source>
        <translation>像素值</translation>
    </message>
    <message>
        <source>fraction of 255</source>
        <translation>255 的比例</translation>
    </message>
    <message>
        <source>{name} must be a number from {low} to {high} ({unit}); got {value}.</source>
        <translation>{name} 必须是 {low} 到 {high} 之间的数（{unit}）；现在是 {value}。</translation>
    </message>
    <message>
        <source>{name} must be from {low} to {high} ({unit}); got {value}.</source>
        <translation>{name} 必须在 {low} 到 {high} 之间（{unit}）；现在是 {value}。</translation>
    </message>
    <message>
        <source>{name} must be true or false; got {value}.</source>
        <translation>{name} 必须是 true 或 false；现在是 {value}。</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>fill {mode} {value}</source>
        <translation>填充 {mode} {value}</translation>
    </message>
    <message>
        <source>fill {mode}</source>
        <translation>填充 {mode}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Augmentation transforms images, but this input has shape {shape}, which is not an image (height, width, channels). Turn augmentation off for this dataset.</source>
        <translation>数据增强变换的是图像，但这个输入的形状是 {shape}，不是图像（高度、宽度、通道）。请为这个数据集关闭数据增强。</translation>
    </message>
    <message>
        <source>{name} changes colours, but the input is grayscale (1 channel), so it cannot be applied. Set {name} to 0 (or use the &quot;digits (no flips)&quot; preset).</source>
        <translation>{name} 会改变颜色，但输入是灰度图像（1 个通道），所以无法应用。请把 {name} 设为 0（或使用“数字（不翻转）”预设）。</translation>
    </message>
    <message>
        <source>Flipping a digit turns it into a mirror image that is no digit (a flipped 2 is not a 2): turn the flips off for digits.</source>
        <translation>翻转后的数字是镜像，已经不是数字了（翻转的 2 不再是 2）：处理数字时请关闭翻转。</translation>
    </message>
    <message>
        <source>Rotating digits by more than about 30° can make a 6 look like a 9: use a smaller rotation_range.</source>
        <translation>把数字旋转超过约 30° 可能让 6 看起来像 9：请使用更小的 rotation_range。</translation>
    </message>
    <message>
        <source>Augmentation settings must be a JSON object such as {example}.</source>
        <translation>数据增强设置必须是一个 JSON 对象，例如 {example}。</translation>
    </message>
    <message>
        <source>Unknown augmentation setting {name}. Known settings: {known}.</source>
        <translation>未知的数据增强设置 {name}。已知的设置：{known}。</translation>
    </message>
    <message>
        <source>{name} must be one number from {low} to {high} ({unit}), not a list; got {value}.</source>
        <translation>{name} 必须是 {low} 到 {high} 之间的一个数（{unit}），不能是列表；现在是 {value}。</translation>
    </message>
    <message>
        <source>the augmentation settings</source>
        <translation>数据增强设置</translation>
    </message>
    <message>
        <source>the augmentation settings file</source>
        <translation>数据增强设置文件</translation>
    </message>
    <message>
        <source>rotation ±{degrees}°</source>
        <translation>旋转 ±{degrees}°</translation>
    </message>
    <message>
        <source>shift {width} × {height}</source>
        <translation>平移 {width} × {height}</translation>
    </message>
    <message>
        <source>shear {factor} (≈{angle:.0f}°)</source>
        <translation>错切 {factor}（≈{angle:.0f}°）</translation>
    </message>
    <message>
        <source>zoom ±{percent}</source>
        <translation>缩放 ±{percent}</translation>
    </message>
    <message>
        <source>horizontal flip</source>
        <translation>水平翻转</translation>
    </message>
    <message>
        <source>vertical flip</source>
        <translation>垂直翻转</translation>
    </message>
    <message>
        <source>horizontal and vertical flips</source>
        <translation>水平和垂直翻转</translation>
    </message>
    <message>
        <source>brightness ±{percent}</source>
        <translation>亮度 ±{percent}</translation>
    </message>
    <message>
        <source>contrast ±{percent}</source>
        <translation>对比度 ±{percent}</translation>
    </message>
    <message>
        <source>saturation ±{percent}</source>
        <translation>饱和度 ±{percent}</translation>
    </message>
    <message>
        <source>There is no augmentation preset {name}. Presets: {presets}.</source>
        <translation>没有名为 {name} 的数据增强预设。可用的预设：{presets}。</translation>
    </message>
    <message>
        <source>{file}: {error}</source>
        <translation>{file}：{error}</translation>
    </message>
    <message>
        <source>fill_mode must be one of {modes}; got {value}.</source>
        <translation>fill_mode 必须是 {modes} 之一；现在是 {value}。</translation>
    </message>
</context>
<context>
    <name>bounded</name>
    <message>
        <source>{start}… ({count:,} characters)</source>
        <translation>{start}…（共 {count:,} 个字符）</translation>
    </message>
    <message>
        <source>a number of about {digits:,} digits</source>
        <translation>一个约 {digits:,} 位的数</translation>
    </message>
    <message>
        <source>a {kind} of {count:,} items</source>
        <translation>一个含 {count:,} 项的 {kind}</translation>
    </message>
    <message>
        <source>a value too large to show</source>
        <translation>一个大到无法显示的值</translation>
    </message>
    <message>
        <source>it holds an integer of {digits:,} digits (at most {limit} are read)</source>
        <translation>其中有一个 {digits:,} 位的整数（最多读取 {limit} 位）</translation>
    </message>
    <message>
        <source>it holds a number written with {count:,} characters (at most {limit} are read)</source>
        <translation>其中有一个写了 {count:,} 个字符的数（最多读取 {limit} 个）</translation>
    </message>
    <message>
        <source>it holds the number {number}, too large for a computer float</source>
        <translation>其中的数 {number} 太大，计算机的浮点数装不下</translation>
    </message>
    <message>
        <source>it holds {value}, which is not a number JSON allows</source>
        <translation>其中有 {value}，这不是 JSON 允许的数</translation>
    </message>
    <message>
        <source>{what} is {size}, more than the {limit} this app reads; it cannot be a file the app wrote.</source>
        <translation>{what}有 {size}，超过了本程序读取的上限 {limit}；它不可能是本程序写出的文件。</translation>
    </message>
    <message>
        <source>{what} is not UTF-8 text (byte {position}).</source>
        <translation>{what}不是 UTF-8 文本（第 {position} 字节）。</translation>
    </message>
    <message>
        <source>{what} cannot be read: {reason}.</source>
        <translation>{what}无法读取：{reason}。</translation>
    </message>
    <message>
        <source>{what} is not valid JSON (line {line}, column {column}: {error}).</source>
        <translation>{what}不是有效的 JSON（第 {line} 行第 {column} 列：{error}）。</translation>
    </message>
    <message>
        <source>{what} is nested more than {limit} levels deep; it cannot be a file the app wrote.</source>
        <translation>{what}的嵌套超过 {limit} 层；它不可能是本程序写出的文件。</translation>
    </message>
    <message>
        <source>{what} {path} is {size}, more than the {limit} this app reads; it cannot be a file the app wrote.</source>
        <translation>{what} {path} 有 {size}，超过了本程序读取的上限 {limit}；它不可能是本程序写出的文件。</translation>
    </message>
    <message>
        <source>{what} {path} does not exist.</source>
        <translation>{what} {path} 不存在。</translation>
    </message>
    <message>
        <source>{what} {path} is a folder, not a file.</source>
        <translation>{what} {path} 是一个文件夹，不是文件。</translation>
    </message>
    <message>
        <source>{what} {path} cannot be read ({reason}).</source>
        <translation>{what} {path} 无法读取（{reason}）。</translation>
    </message>
</context>
<context>
    <name>build</name>
    <message>
        <source>This design cannot be built yet:</source>
        <translation>这个设计暂时无法构建：</translation>
    </message>
    <message>
        <source>Layer {index} {type}: Keras refused it ({reason}). Change its settings.</source>
        <translation>第 {index} 层 {type}：Keras 拒绝了它（{reason}）。请修改它的设置。</translation>
    </message>
    <message>
        <source>The model file {path} does not exist.</source>
        <translation>模型文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>the model file {name}&apos;s configuration</source>
        <translation>模型文件 {name} 的配置</translation>
    </message>
    <message>
        <source>{name} contains a Lambda layer, i.e. Python code that would run when the file is opened. For your safety CNN Explorer opens models in Keras&apos; safe mode, which refuses such files. Rebuild the model without Lambda layers, or open it only in your own trusted script.</source>
        <translation>{name} 含有 Lambda 层，即打开文件时会运行的 Python 代码。为了安全，CNN Explorer 以 Keras 的安全模式（safe mode）打开模型，该模式拒绝此类文件。请去掉 Lambda 层重新构建模型，或只在你自己信任的脚本中打开它。</translation>
    </message>
    <message>
        <source>{name} could not be opened as a Keras model ({reason}).</source>
        <translation>无法将 {name} 作为 Keras 模型打开（{reason}）。</translation>
    </message>
    <message>
        <source>{name} cannot be read ({reason}).</source>
        <translation>无法读取 {name}（{reason}）。</translation>
    </message>
    <message>
        <source>a .keras file is a zip archive, and this one is damaged or is not one</source>
        <translation>.keras 文件是一个 zip 压缩包，而这个文件已损坏或不是 zip 压缩包</translation>
    </message>
    <message>
        <source>the archive holds no model configuration (config.json)</source>
        <translation>压缩包中没有模型配置（config.json）</translation>
    </message>
    <message>
        <source>it is not an HDF5 file</source>
        <translation>它不是 HDF5 文件</translation>
    </message>
    <message>
        <source>{name} is not a readable Keras model ({reason}). The file may be truncated or of another kind; save the model again with model.save(&apos;name.keras&apos;).</source>
        <translation>{name} 不是可读取的 Keras 模型（{reason}）。文件可能不完整或属于其他类型；请用 model.save(&apos;name.keras&apos;) 重新保存模型。</translation>
    </message>
    <message>
        <source>{name} is not a readable Keras model: {reason}. The file may be truncated or of another kind; save the model again with model.save(&apos;name.keras&apos;).</source>
        <translation>{name} 不是可读取的 Keras 模型：{reason}。文件可能不完整或属于其他类型；请用 model.save(&apos;name.keras&apos;) 重新保存模型。</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>无详细信息</translation>
    </message>
    <message>
        <source>Layer {index} {type} ({layer}) is not a layer the Builder knows, so {model} opens read-only: you can train, inspect and visualise it, but not edit it. To edit it, rebuild it from Builder layers.</source>
        <translation>第 {index} 层 {type}（{layer}）不是搭建器认识的层，所以 {model} 以只读方式打开：可以训练、查看和可视化它，但不能编辑。若要编辑，请用搭建器中的层重新搭建。</translation>
    </message>
    <message>
        <source>Layer {index} {type} ({layer}) uses {setting}, which the Builder cannot edit, so {model} opens read-only (train, inspect and visualise it as it is).</source>
        <translation>第 {index} 层 {type}（{layer}）使用了 {setting}，搭建器无法编辑这一设置，所以 {model} 以只读方式打开（可按原样训练、查看和可视化）。</translation>
    </message>
    <message>
        <source>Layer {index} {type} ({layer}) uses the activation {value}, which the Builder does not offer, so {model} opens read-only.</source>
        <translation>第 {index} 层 {type}（{layer}）使用了激活函数 {value}，搭建器不提供该函数，所以 {model} 以只读方式打开。</translation>
    </message>
    <message>
        <source>Layer {index} {type} ({layer}) uses padding={value}, which the Builder does not offer, so {model} opens read-only.</source>
        <translation>第 {index} 层 {type}（{layer}）使用了 padding={value}，搭建器不提供这种填充，所以 {model} 以只读方式打开。</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>该模型</translation>
    </message>
    <message>
        <source>{model} has no known inputs; the Builder edits one-input models only, so it opens read-only.</source>
        <translation>{model} 没有已知的输入；搭建器只能编辑单输入模型，所以它以只读方式打开。</translation>
    </message>
    <message>
        <source>{model} has {count} inputs; the Builder edits one-input models only, so it opens read-only.</source>
        <translation>{model} 有 {count} 个输入；搭建器只能编辑单输入模型，所以它以只读方式打开。</translation>
    </message>
    <message>
        <source>{model} accepts inputs of any size {shape}; the Builder needs a fixed input size, so it opens read-only.</source>
        <translation>{model} 接受任意尺寸的输入 {shape}；搭建器需要固定的输入尺寸，所以它以只读方式打开。</translation>
    </message>
    <message>
        <source>{model} is not a simple chain of layers (it branches or merges at {layer}); the Builder edits chains only, so it opens read-only.</source>
        <translation>{model} 不是简单的层链（它在 {layer} 处分支或合并）；搭建器只能编辑链式结构，所以它以只读方式打开。</translation>
    </message>
    <message>
        <source>{model}&apos;s layers could not be reproduced exactly (the design would have {design:,} parameters, the file has {file:,}), so it opens read-only.</source>
        <translation>无法准确重现 {model} 的各层（设计会有 {design:,} 个参数，而文件中有 {file:,} 个），所以它以只读方式打开。</translation>
    </message>
</context>
<context>
    <name>coach</name>
    <message>
        <source> (now {rate})</source>
        <translation>（当前为 {rate}）</translation>
    </message>
    <message>
        <source>epoch {epoch}</source>
        <translation>第 {epoch} 轮</translation>
    </message>
    <message>
        <source>batch {batch}</source>
        <translation>第 {batch} 个批次</translation>
    </message>
    <message>
        <source>The loss became NaN (not a number) at {where}: the weights blew up. Lower the learning rate{lr_hint}, e.g. ten times smaller, and train again.</source>
        <translation>损失在{where}变成了 NaN（不是数字）：权重爆炸了。请降低学习率{lr_hint}，例如缩小到十分之一，然后重新训练。</translation>
    </message>
    <message>
        <source>The training loss is climbing ({first:.3g} → {last:.3g}) instead of falling: the model is diverging. Lower the learning rate{lr_hint} and train again.</source>
        <translation>训练损失在上升（{first:.3g} → {last:.3g}）而不是下降：模型正在发散。请降低学习率{lr_hint}，然后重新训练。</translation>
    </message>
    <message>
        <source>Validation loss has risen for {epochs} epochs while training loss keeps falling: the network is memorising the training images (overfitting; best was epoch {best}). Turn on augmentation, add a Dropout layer, or train fewer epochs.</source>
        <translation>验证损失已连续 {epochs} 轮上升，而训练损失仍在下降：网络在死记训练图像（过拟合；最好的是第 {best} 轮）。请开启数据增强、添加 Dropout 层，或减少训练轮次。</translation>
    </message>
    <message>
        <source>Accuracy is stuck near chance ({accuracy:.0%}, guessing gives {chance:.0%}): the network is not learning. Try a learning rate ten times smaller or larger{lr_hint}, or check that the last layer fits the loss.</source>
        <translation>精度停在随机猜测的水平附近（{accuracy:.0%}，随机猜测为 {chance:.0%}）：网络没有在学习。试试把学习率缩小或放大十倍{lr_hint}，或检查最后一层是否与损失函数匹配。</translation>
    </message>
    <message>
        <source>Training has started; the first epoch&apos;s numbers appear when it ends.</source>
        <translation>训练已开始；第一轮结束时会显示它的数值。</translation>
    </message>
    <message>
        <source>Getting ready: loading the data and preparing the network. The chart starts moving with the first batch.</source>
        <translation>准备中：正在读取数据并准备网络。第一个批次开始后，图表就会动起来。</translation>
    </message>
    <message>
        <source>Press Start to train; the chart shows loss and accuracy as the network learns.</source>
        <translation>按“开始”进行训练；图表会随着网络的学习显示损失和精度。</translation>
    </message>
    <message>
        <source>After {epochs} epoch(s): validation accuracy {val_accuracy:.1%}, {gap:.0%} below training accuracy — watch for overfitting.</source>
        <translation>{epochs} 轮后：验证精度 {val_accuracy:.1%}，比训练精度低 {gap:.0%}——注意过拟合。</translation>
    </message>
    <message>
        <source>After {epochs} epoch(s): validation accuracy {val_accuracy:.1%}, still improving: more epochs may help.</source>
        <translation>{epochs} 轮后：验证精度 {val_accuracy:.1%}，仍在提高：多训练几轮可能有帮助。</translation>
    </message>
    <message>
        <source>After {epochs} epoch(s): validation accuracy {val_accuracy:.1%}.</source>
        <translation>{epochs} 轮后：验证精度 {val_accuracy:.1%}。</translation>
    </message>
    <message>
        <source>After {epochs} epoch(s): training accuracy {accuracy:.1%}, loss {loss:.3g}.</source>
        <translation>{epochs} 轮后：训练精度 {accuracy:.1%}，损失 {loss:.3g}。</translation>
    </message>
    <message>
        <source>After {epochs} epoch(s): training loss {loss:.3g}.</source>
        <translation>{epochs} 轮后：训练损失 {loss:.3g}。</translation>
    </message>
    <message>
        <source>Tick runs to compare them.</source>
        <translation>勾选几条训练记录来比较它们。</translation>
    </message>
    <message>
        <source>{name}: {epochs} epoch(s), no validation or test results.</source>
        <translation>{name}：{epochs} 轮，没有验证或测试结果。</translation>
    </message>
    <message>
        <source>{name}: {epochs} epoch(s), accuracy {accuracy:.1%}.</source>
        <translation>{name}：{epochs} 轮，准确率 {accuracy:.1%}。</translation>
    </message>
    <message>
        <source>Comparing {count} runs; none has validation or test results.</source>
        <translation>正在比较 {count} 条训练记录；都没有验证或测试结果。</translation>
    </message>
    <message>
        <source>Comparing {count} runs: {name} has the best accuracy ({accuracy:.1%}).</source>
        <translation>正在比较 {count} 条训练记录：{name} 的准确率最高（{accuracy:.1%}）。</translation>
    </message>
    <message>
        <source>{name} has the largest train−validation gap ({gap:+.1f} points): it overfits most.</source>
        <translation>{name} 的训练−验证差距最大（{gap:+.1f} 个百分点）：它过拟合最严重。</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>The design cannot be trained: {problems}</source>
        <translation>这个设计无法训练：{problems}</translation>
    </message>
    <message>
        <source>The output file must end in .keras (got {name}); e.g. --out model.keras.</source>
        <translation>输出文件必须以 .keras 结尾（现在是 {name}）；例如 --out model.keras。</translation>
    </message>
</context>
<context>
    <name>compatibility</name>
    <message>
        <source>this dataset</source>
        <translation>这个数据集</translation>
    </message>
    <message>
        <source>The model takes sequences of shape {shape}, but {name} holds images: choose a sequence dataset, or build an image model (e.g. the MNIST CNN template).</source>
        <translation>模型接收形状为 {shape} 的序列，但 {name} 里是图像：请选择序列数据集，或搭建图像模型（例如 MNIST CNN 模板）。</translation>
    </message>
    <message>
        <source>The model expects {height}×{width} images, {name} has {data_height}×{data_width}: resize the images to {height}×{width}?</source>
        <translation>模型需要 {height}×{width} 的图像，{name} 的图像是 {data_height}×{data_width}：把图像缩放到 {height}×{width}？</translation>
    </message>
    <message>
        <source>The model expects grayscale images ({channels} channel), {name} has {data_channels}: convert the images to grayscale?</source>
        <translation>模型需要灰度图像（{channels} 个通道），{name} 有 {data_channels} 个通道：把图像转换为灰度？</translation>
    </message>
    <message>
        <source>The model expects colour images ({channels} channels), {name} has {data_channels}: convert the images to colour?</source>
        <translation>模型需要彩色图像（{channels} 个通道），{name} 有 {data_channels} 个通道：把图像转换为彩色？</translation>
    </message>
    <message>
        <source>The model takes images of shape {shape}, but {name} holds sequences: choose an image dataset, or build a sequence model (e.g. the Conv1D text template).</source>
        <translation>模型接收形状为 {shape} 的图像，但 {name} 里是序列：请选择图像数据集，或搭建序列模型（例如 Conv1D 文本模板）。</translation>
    </message>
    <message>
        <source>The model takes sequences of length {length}, {name} has length {data_length}: set the design&apos;s input length to {data_length}.</source>
        <translation>模型接收长度为 {length} 的序列，{name} 的长度是 {data_length}：请把设计的输入长度设为 {data_length}。</translation>
    </message>
    <message>
        <source>The model outputs {outputs} class, {name} has {classes}: change the last Dense layer to {units} units?</source>
        <translation>模型输出 {outputs} 个类别，{name} 有 {classes} 个类别：把最后的 Dense 层改为 {units} 个单元？</translation>
    </message>
    <message>
        <source>The model outputs {outputs} classes, {name} has {classes}: change the last Dense layer to {units} units?</source>
        <translation>模型输出 {outputs} 个类别，{name} 有 {classes} 个类别：把最后的 Dense 层改为 {units} 个单元？</translation>
    </message>
    <message>
        <source>The design has no Dense layer to change; add Dense(units=number of classes) at the end.</source>
        <translation>设计中没有可以修改的 Dense 层；请在末尾添加 Dense(units=类别数)。</translation>
    </message>
    <message>
        <source>The design takes sequences, {name} holds images: to keep the design, choose a sequence dataset such as {other} in the Training tab.</source>
        <translation>这个设计接收序列，而 {name} 是图像：若想保留这个设计，请在“训练”页选择一个序列数据集，例如 {other}。</translation>
    </message>
    <message>
        <source>The design takes images, {name} holds sequences: to keep the design, choose an image dataset such as {other} in the Training tab.</source>
        <translation>这个设计接收图像，而 {name} 是序列：若想保留这个设计，请在“训练”页选择一个图像数据集，例如 {other}。</translation>
    </message>
    <message>
        <source>The design does not fit {name}: to keep it as it is, choose {other} in the Training tab.</source>
        <translation>这个设计与 {name} 不匹配：若想保持设计不变，请在“训练”页选择 {other}。</translation>
    </message>
    <message>
        <source>Or, to train on {name}, start from the {template} template.</source>
        <translation>或者，要在 {name} 上训练，请从 {template} 模板开始。</translation>
    </message>
    <message>
        <source>Layer {index} {type} gets raw pixel values 0-255: nothing scales them first. Training works but is slow and unsteady; add Rescaling (scale 1/255) as the first layer.</source>
        <translation>第 {index} 层 {type} 收到的是 0-255 的原始像素值：前面没有任何层缩放它们。这样也能训练，但又慢又不稳定；请在最前面加一层 Rescaling（scale 1/255）。</translation>
    </message>
</context>
<context>
    <name>configs</name>
    <message>
        <source>Epochs must be a whole number from 1 to {maximum} (got {value}).</source>
        <translation>轮次必须是 1 到 {maximum} 之间的整数（当前为 {value}）。</translation>
    </message>
    <message>
        <source>Batch size must be a whole number from 1 to {maximum} (got {value}).</source>
        <translation>批次大小必须是 1 到 {maximum} 之间的整数（当前为 {value}）。</translation>
    </message>
    <message>
        <source>The validation split must be a fraction from 0 to 0.9, e.g. 0.2 for 20 % (got {value}).</source>
        <translation>验证集比例必须是 0 到 0.9 之间的小数，例如 0.2 表示 20 %（当前为 {value}）。</translation>
    </message>
    <message>
        <source>The seed must be a whole number from 0 to {maximum} (got {value}).</source>
        <translation>随机种子必须是 0 到 {maximum} 之间的整数（当前为 {value}）。</translation>
    </message>
    <message>
        <source>Early-stopping patience must be a whole number of epochs, 0 to switch it off (got {value}).</source>
        <translation>提前停止的耐心值必须是整数个轮次，设为 0 即关闭（当前为 {value}）。</translation>
    </message>
    <message>
        <source>Early-stopping patience must be at most {maximum} epochs (got {value}).</source>
        <translation>提前停止的耐心值最多为 {maximum} 个轮次（实际是 {value}）。</translation>
    </message>
    <message>
        <source>shuffle must be true or false (got {value}).</source>
        <translation>shuffle 必须是 true 或 false（实际是 {value}）。</translation>
    </message>
    <message>
        <source>The training settings are not a JSON object; the file may be damaged.</source>
        <translation>训练设置不是一个 JSON 对象；文件可能已损坏。</translation>
    </message>
    <message>
        <source>This file does not hold CNN Explorer training settings (its &apos;format&apos; field differs).</source>
        <translation>这个文件不包含 CNN Explorer 的训练设置（它的 &apos;format&apos; 字段不同）。</translation>
    </message>
    <message>
        <source>These training settings were saved by a newer CNN Explorer (version {version}); update the app.</source>
        <translation>这些训练设置由更新版本的 CNN Explorer 保存（版本 {version}）；请更新应用。</translation>
    </message>
    <message>
        <source>Unknown training setting(s): {unknown}. Known: {known}.</source>
        <translation>未知的训练设置：{unknown}。已知设置：{known}。</translation>
    </message>
    <message>
        <source>the training settings</source>
        <translation>训练设置</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>conv_lab</name>
    <message>
        <source>→ {before} before, {after} after</source>
        <translation>→ 前面 {before} 个，后面 {after} 个</translation>
    </message>
    <message>
        <source>→ no padding needed</source>
        <translation>→ 不需要填充</translation>
    </message>
    <message>
        <source>→ the window does not fit</source>
        <translation>→ 窗口放不下</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>pooling window</source>
        <translation>池化窗口</translation>
    </message>
    <message>
        <source>The input grid is empty: choose a digit or give the grid at least one row and column.</source>
        <translation>输入网格是空的：请选择一个数字，或让网格至少有一行一列。</translation>
    </message>
    <message>
        <source>Padding must be &apos;valid&apos; or &apos;same&apos;, not {padding}.</source>
        <translation>填充方式必须是 &apos;valid&apos; 或 &apos;same&apos;，不能是 {padding}。</translation>
    </message>
    <message>
        <source>The {what} size and the stride must be at least 1.</source>
        <translation>{what}大小和步幅都必须至少为 1。</translation>
    </message>
    <message>
        <source>The {kernel}×{kernel} {what} is larger than the {rows}×{cols} input, so with padding &apos;valid&apos; it fits nowhere and the output is empty: use a smaller {what}, a bigger grid, or padding &apos;same&apos;.</source>
        <translation>{kernel}×{kernel} 的{what}比 {rows}×{cols} 的输入还大，所以在填充方式 &apos;valid&apos; 下哪里都放不下，输出为空：请用更小的{what}、更大的网格，或填充方式 &apos;same&apos;。</translation>
    </message>
    <message>
        <source>The stride ({stride}) is larger than the {what} ({kernel}), so the window jumps over some input cells and never looks at them (shown crossed out). Keras allows it, but information is lost: use a stride of at most {kernel}.</source>
        <translation>步幅（{stride}）比{what}（{kernel}）还大：窗口会跳过一些输入格子，从来不看它们（画了叉号）。Keras 允许这样做，但信息会丢失：请把步幅设为不超过 {kernel}。</translation>
    </message>
    <message>
        <source>The kernel must be a square grid of numbers with at least one cell.</source>
        <translation>卷积核必须是至少有一个格子的正方形数字网格。</translation>
    </message>
    <message>
        <source>every product is 0 = {total}</source>
        <translation>所有乘积都是 0 = {total}</translation>
    </message>
    <message>
        <source>… ({count} more)</source>
        <translation>…（还有 {count} 项）</translation>
    </message>
    <message>
        <source>{count} channel</source>
        <translation>{count} 个通道</translation>
    </message>
    <message>
        <source>{count} channels</source>
        <translation>{count} 个通道</translation>
    </message>
    <message>
        <source>{count} filter</source>
        <translation>{count} 个过滤器</translation>
    </message>
    <message>
        <source>{count} filters</source>
        <translation>{count} 个过滤器</translation>
    </message>
    <message>
        <source>{inputs:,} inputs × {units:,} units + {units:,} biases</source>
        <translation>{inputs:,} 个输入 × {units:,} 个单元 + {units:,} 个偏置</translation>
    </message>
    <message>
        <source>{inputs:,} inputs × {units} units + {units} biases</source>
        <translation>{inputs:,} 个输入 × {units} 个单元 + {units} 个偏置</translation>
    </message>
    <message>
        <source>{kernel}×{kernel} window × {channels} × {filters} + {biases} biases</source>
        <translation>{kernel}×{kernel} 窗口 × {channels} × {filters} + {biases} 个偏置</translation>
    </message>
    <message>
        <source>{kernel}×{kernel} × {channels} (depthwise) + {in_channels} × {out_filters} (pointwise) + {biases} biases</source>
        <translation>{kernel}×{kernel} × {channels}（逐通道）+ {in_channels} × {out_filters}（逐点）+ {biases} 个偏置</translation>
    </message>
</context>
<context>
    <name>data</name>
    <message>
        <source>There is no dataset called {name}. Choose one of {names}, or give the path of an image folder with one sub-folder per class.</source>
        <translation>没有名为 {name} 的数据集。请从 {names} 中选择一个，或给出一个图像文件夹的路径（每个类别一个子文件夹）。</translation>
    </message>
    <message>
        <source>Loading {title}…</source>
        <translation>正在加载 {title}…</translation>
    </message>
    <message>
        <source>{count:,} images, {h}×{w} {kind}, {classes} classes</source>
        <translation>{count:,} 张图像，{h}×{w} {kind}，{classes} 个类别</translation>
    </message>
    <message>
        <source>; read as {h}×{w} {kind}</source>
        <translation>；按 {h}×{w} {kind}读取</translation>
    </message>
    <message>
        <source>resized to {h}×{w}</source>
        <translation>已缩放为 {h}×{w}</translation>
    </message>
    <message>
        <source>colour converted to grey</source>
        <translation>彩色已转为灰度</translation>
    </message>
    <message>
        <source>grey repeated to 3 channels</source>
        <translation>灰度已复制为 3 个通道</translation>
    </message>
    <message>
        <source>The bundled MNIST sample ({path}) is damaged ({error}). Reinstall CNN Explorer.</source>
        <translation>内置的 MNIST 样本（{path}）已损坏（{error}）。请重新安装 CNN Explorer。</translation>
    </message>
    <message>
        <source>{title} could not be downloaded ({reason}). Without a network, use the bundled {fallback}, or copy the dataset files into {folder} on this computer.</source>
        <translation>无法下载 {title}（{reason}）。没有网络时，请使用内置的 {fallback}，或把数据集文件复制到本机的 {folder}。</translation>
    </message>
    <message>
        <source>IMDB reviews</source>
        <translation>IMDB 影评</translation>
    </message>
    <message>
        <source>The image folder {root} does not exist. Choose a folder with one sub-folder per class.</source>
        <translation>图像文件夹 {root} 不存在。请选择一个每个类别各有一个子文件夹的文件夹。</translation>
    </message>
    <message>
        <source>The folder {root} has no sub-folders. Put the images of each class in a sub-folder of its own (e.g. cats/ and dogs/).</source>
        <translation>文件夹 {root} 中没有子文件夹。请把每个类别的图像放进各自的子文件夹（例如 cats/ 和 dogs/）。</translation>
    </message>
    <message>
        <source>The folder {root} has only one class ({name}). A classifier needs at least two: add a second sub-folder of images.</source>
        <translation>文件夹 {root} 只有一个类别（{name}）。分类器至少需要两个类别：请再添加一个图像子文件夹。</translation>
    </message>
    <message>
        <source>The model takes images with {channels} channels; image folders give grey (1) or colour (3) images.</source>
        <translation>该模型接收 {channels} 个通道的图像；图像文件夹只能提供灰度（1 通道）或彩色（3 通道）图像。</translation>
    </message>
    <message>
        <source>The image size must be at least 1×1 (got {h}×{w}).</source>
        <translation>图像尺寸至少为 1×1（现在是 {h}×{w}）。</translation>
    </message>
    <message>
        <source>Image folder {name} ({count} classes)</source>
        <translation>图像文件夹 {name}（{count} 个类别）</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>彩色</translation>
    </message>
    <message>
        <source>mixed sizes (most {h}×{w})</source>
        <translation>尺寸不一（多数为 {h}×{w}）</translation>
    </message>
    <message>
        <source>grey and colour</source>
        <translation>灰度与彩色混合</translation>
    </message>
    <message>
        <source>{count:,} images, {size} {kind}, {classes} classes; read as {h}×{w} {read_kind}</source>
        <translation>{count:,} 张图像，{size} {kind}，{classes} 个类别；按 {h}×{w} {read_kind}读取</translation>
    </message>
    <message>
        <source>streamed from disk ({size} in memory would exceed the budget of {budget})</source>
        <translation>从磁盘流式读取（全部载入内存需要 {size}，超过 {budget} 的预算）</translation>
    </message>
    <message>
        <source>skipped {count} files: {reasons}</source>
        <translation>跳过了 {count} 个文件：{reasons}</translation>
    </message>
    <message>
        <source>Listing {root}…</source>
        <translation>正在列出 {root} 中的文件…</translation>
    </message>
    <message>
        <source>No readable images in {root} ({count} files could not be read as images). Put JPEG or PNG files in one sub-folder per class.</source>
        <translation>{root} 中没有可读取的图像（有 {count} 个文件无法作为图像读取）。请把 JPEG 或 PNG 文件按类别放进各自的子文件夹。</translation>
    </message>
    <message>
        <source>No readable images in {root}: {reasons}. Put JPEG or PNG files in one sub-folder per class.</source>
        <translation>{root} 中没有可读取的图像：{reasons}。请把 JPEG 或 PNG 文件按类别放进各自的子文件夹。</translation>
    </message>
    <message>
        <source>Reading images {done}/{total}</source>
        <translation>正在读取图像 {done}/{total}</translation>
    </message>
    <message>
        <source>No readable images in {root}. Put JPEG or PNG files in one sub-folder per class.</source>
        <translation>{root} 中没有可读取的图像。请把 JPEG 或 PNG 文件按类别放进各自的子文件夹。</translation>
    </message>
    <message>
        <source>The validation split must be between 0 and 1 (got {split}).</source>
        <translation>验证集比例必须在 0 和 1 之间（当前为 {split}）。</translation>
    </message>
    <message>
        <source>{root} has too few images ({count}) to keep {split:.0%} aside for testing. Add images or change the validation split.</source>
        <translation>{root} 中的图像太少（{count} 张），无法留出 {split:.0%} 用于测试。请添加图像或修改验证集比例。</translation>
    </message>
    <message>
        <source>{root} has a train/ folder but no readable validation/ or test/ images.</source>
        <translation>{root} 中有 train/ 文件夹，但 validation/ 或 test/ 中没有可读取的图像。</translation>
    </message>
    <message>
        <source>After skipping unreadable files, {root} has readable training images of only one class. A classifier needs images of at least two classes.</source>
        <translation>跳过无法读取的文件后，{root} 中可读取的训练图像只有一个类别。分类器至少需要两个类别的图像。</translation>
    </message>
    <message>
        <source>Read {count} images, skipped {skipped} unreadable files</source>
        <translation>已读取 {count} 张图像，跳过 {skipped} 个无法读取的文件</translation>
    </message>
    <message>
        <source>Read {count} images</source>
        <translation>已读取 {count} 张图像</translation>
    </message>
</context>
<context>
    <name>dataset_cache</name>
    <message>
        <source>{path} is not the file Keras expects (its SHA-256 checksum differs), and it cannot be read directly: {reason}. Delete it so Keras downloads the original, or copy the original file there.</source>
        <translation>{path} 不是 Keras 期望的文件（SHA-256 校验值不同），也无法直接读取：{reason}。请删除它，让 Keras 重新下载原始文件，或把原始文件复制到那里。</translation>
    </message>
    <message>
        <source>{name} would unpack to {size:,} bytes</source>
        <translation>{name} 解压后会有 {size:,} 字节</translation>
    </message>
    <message>
        <source>it has no array named {names}</source>
        <translation>其中没有名为 {names} 的数组</translation>
    </message>
    <message>
        <source>it holds Python objects (pickle), which are not read from a file of unknown origin</source>
        <translation>其中包含 Python 对象（pickle），来源不明的文件不会读取这类内容</translation>
    </message>
    <message>
        <source>it is not a readable .npz archive ({error})</source>
        <translation>它不是可读取的 .npz 压缩包（{error}）</translation>
    </message>
    <message>
        <source>x_{split} is {dtype} of shape {shape}, not uint8 images of shape (N, 28, 28)</source>
        <translation>x_{split} 是形状为 {shape} 的 {dtype}，而不是形状为 (N, 28, 28) 的 uint8 图像</translation>
    </message>
    <message>
        <source>y_{split} is {dtype} of shape {shape}, not {count} integer labels</source>
        <translation>y_{split} 是形状为 {shape} 的 {dtype}，而不是 {count} 个整数标签</translation>
    </message>
    <message>
        <source>y_{split} holds labels outside 0-9</source>
        <translation>y_{split} 中有 0-9 以外的标签</translation>
    </message>
    <message>
        <source>{path} differs from the file Keras checks for; its arrays have the right names, shapes and types, so it was read directly</source>
        <translation>{path} 与 Keras 校验的文件不同；但其中数组的名称、形状和类型都正确，因此已直接读取</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>磁盘配额已用完</translation>
    </message>
    <message>
        <source>the file is larger than this system allows</source>
        <translation>文件超过了系统允许的大小</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁盘是只读的</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>它是一个文件夹</translation>
    </message>
    <message>
        <source>its folder does not exist</source>
        <translation>它所在的文件夹不存在</translation>
    </message>
    <message>
        <source>part of its path is not a folder</source>
        <translation>它的路径中有一部分不是文件夹</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>名称太长</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}. Nothing was changed.</source>
        <translation>无法写入 {path}：{reason}。没有任何文件被改动。</translation>
    </message>
    <message>
        <source>{path} cannot be written: {reason}. Choose another file or folder; nothing was started.</source>
        <translation>无法写入 {path}：{reason}。请选择其他文件或文件夹；任务尚未开始。</translation>
    </message>
    <message>
        <source>nothing was written</source>
        <translation>什么也没有写入</translation>
    </message>
</context>
<context>
    <name>filters</name>
    <message>
        <source>The model has no layer {layer!r}. Convolution layers: {names}.</source>
        <translation>模型中没有层 {layer!r}。卷积层有：{names}。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Layer {layer} is a {kind} layer, not a convolution: filter patterns show what a convolution filter looks for in an image. Choose a Conv2D layer.</source>
        <translation>{layer} 是 {kind} 层，不是卷积层：过滤器模式展示的是卷积过滤器在图像中寻找什么。请选择一个 Conv2D 层。</translation>
    </message>
    <message>
        <source>Layer {layer} has filters 0 to {last}; {index} is not one of them.</source>
        <translation>{layer} 层的过滤器编号为 0 到 {last}；{index} 不在其中。</translation>
    </message>
    <message>
        <source>Use at least 1 ascent step.</source>
        <translation>梯度上升至少需要 1 步。</translation>
    </message>
    <message>
        <source>Input scaling must be one of {choices}, not {scaling!r}.</source>
        <translation>输入缩放方式必须是 {choices} 之一，而不是 {scaling!r}。</translation>
    </message>
    <message>
        <source>Measuring whether batching filters is faster on this machine…</source>
        <translation>正在测量在这台机器上按批次计算过滤器是否更快…</translation>
    </message>
    <message>
        <source>Mode must be auto, batched or looped, not {mode!r}.</source>
        <translation>模式必须是 auto、batched 或 looped，而不是 {mode!r}。</translation>
    </message>
    <message>
        <source>Filter patterns of {layer}: {done} of {count}</source>
        <translation>{layer} 的过滤器模式：{done} / {count}</translation>
    </message>
</context>
<context>
    <name>folders</name>
    <message>
        <source>The folder {folder} cannot be read (permission denied). Give yourself read permission on it, or move its images to a folder you can read.</source>
        <translation>无法读取文件夹 {folder}（没有权限）。请为自己添加读取权限，或把其中的图像移到你能读取的文件夹。</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be read ({reason}).</source>
        <translation>无法读取文件夹 {folder}（{reason}）。</translation>
    </message>
    <message>
        <source>Even one image of {h}×{w}×{c} needs {size}, more than the memory budget of {budget}, so it cannot be read even one at a time. Choose a smaller image size (--image-size).</source>
        <translation>即使只读一张 {h}×{w}×{c} 的图像也需要 {size}，超过 {budget} 的内存预算，连逐张读取都做不到。请选择更小的图像尺寸（--image-size）。</translation>
    </message>
    <message>
        <source>{count} not readable as images</source>
        <translation>{count} 个无法作为图像读取</translation>
    </message>
    <message>
        <source>{count} too large (over {limit} megapixels)</source>
        <translation>{count} 个过大（超过 {limit} 百万像素）</translation>
    </message>
    <message>
        <source>{count} that could not be opened (permission or disk error)</source>
        <translation>{count} 个无法打开（权限或磁盘错误）</translation>
    </message>
</context>
<context>
    <name>gradcam</name>
    <message>
        <source>This model has no convolution layer, so there is no grid of feature maps for Grad-CAM to weigh: a Dense-only network looks at all pixels at once. Use a CNN (e.g. the MNIST CNN template) to see a heatmap.</source>
        <translation>这个模型没有卷积层，因此没有可供 Grad-CAM 加权的特征图网格：只有 Dense 层的网络一次性查看所有像素。请使用卷积神经网络（例如 MNIST CNN 模板）来查看热力图。</translation>
    </message>
    <message>
        <source>The model has no layer {layer!r}. Choose one of: {names}.</source>
        <translation>模型中没有层 {layer!r}。请从以下层中选择：{names}。</translation>
    </message>
    <message>
        <source>Layer {layer} ({kind}) has output {shape}, not a grid of feature maps; Grad-CAM needs a convolution (or pooling) layer. Leave the layer on automatic to use the last convolution.</source>
        <translation>{layer} 层（{kind}）的输出形状是 {shape}，不是特征图网格；Grad-CAM 需要卷积层（或池化层）。把层保持为“自动”即可使用最后一个卷积层。</translation>
    </message>
    <message>
        <source>Grad-CAM needs a batch of images (B, H, W, C), not an array of shape {shape}.</source>
        <translation>Grad-CAM 需要一批图像 (B, H, W, C)，而不是形状为 {shape} 的数组。</translation>
    </message>
    <message>
        <source>This model ends in feature maps of shape {shape}, not in one score per class. Grad-CAM explains a class, so it needs a classifier: compose one with a head in the Pretrained tab, or look at this model&apos;s activations and filter patterns.</source>
        <translation>这个模型输出的是形状为 {shape} 的特征图，而不是每个类别一个得分。Grad-CAM 解释的是某个类别，所以需要一个分类器：可以在“预训练”页给它加上分类头，或者查看这个模型的激活和过滤器模式。</translation>
    </message>
    <message>
        <source>Give one class per image: {images} images but {classes} classes.</source>
        <translation>每张图像需要一个类别：现在有 {images} 张图像，却有 {classes} 个类别。</translation>
    </message>
    <message>
        <source>Class {index} does not exist: this model has {count} classes, numbered 0 to {last}.</source>
        <translation>类别 {index} 不存在：这个模型有 {count} 个类别，编号为 0 到 {last}。</translation>
    </message>
    <message>
        <source>Computing Grad-CAM…</source>
        <translation>正在计算 Grad-CAM…</translation>
    </message>
    <message>
        <source>Grad-CAM ready</source>
        <translation>Grad-CAM 已就绪</translation>
    </message>
</context>
<context>
    <name>graph</name>
    <message>
        <source>This model has {count} inputs; Visualize works on models with one image input. Open a model with a single image input.</source>
        <translation>这个模型有 {count} 个输入；可视化只适用于只有一个图像输入的模型。请打开只有一个图像输入的模型。</translation>
    </message>
    <message>
        <source>This model has no known input shape yet. Build it with an Input layer (or train it once) and try again.</source>
        <translation>这个模型还没有确定的输入形状。请用 Input 层构建它（或先训练一次），然后重试。</translation>
    </message>
    <message>
        <source>This model takes inputs of shape {shape}, not images (height × width × 1 or 3 channels). Visualize works on image models: train an image model or open one.</source>
        <translation>这个模型的输入形状是 {shape}，不是图像（高 × 宽 × 1 或 3 个通道）。可视化只适用于图像模型：请训练或打开一个图像模型。</translation>
    </message>
    <message>
        <source>The model has no layer {layer!r}. Choose one of: {names}.</source>
        <translation>模型中没有层 {layer!r}。请从以下层中选择：{names}。</translation>
    </message>
    <message>
        <source>This model has {count} outputs; Visualize explains models with one output. Open a single-output classifier.</source>
        <translation>这个模型有 {count} 个输出；可视化只能解释只有一个输出的模型。请打开单输出的分类模型。</translation>
    </message>
</context>
<context>
    <name>images</name>
    <message>
        <source>{name} is a file of {size}; this app reads image files of up to {limit}. Use a smaller copy.</source>
        <translation>{name} 是一个 {size} 的文件；本程序最多读取 {limit} 的图片文件。请使用缩小后的副本。</translation>
    </message>
    <message>
        <source>The image {path} does not exist. Choose another file.</source>
        <translation>图像 {path} 不存在。请选择其他文件。</translation>
    </message>
    <message>
        <source>The image {path} cannot be read ({error}). Choose another file.</source>
        <translation>无法读取图像 {path}（{error}）。请选择其他文件。</translation>
    </message>
    <message>
        <source>{name} is not an image this app can read. Use a JPEG, PNG, BMP, GIF, TIFF or WebP file.</source>
        <translation>{name} 不是本应用能读取的图像。请使用 JPEG、PNG、BMP、GIF、TIFF 或 WebP 文件。</translation>
    </message>
    <message>
        <source>{name} is a {format} of {width:,} × {height:,} pixels ({megapixels:,.0f} megapixels); this app reads images of up to {limit} megapixels. Use a smaller copy.</source>
        <translation>{name} 是一张 {width:,} × {height:,} 像素（{megapixels:,.0f} 百万像素）的 {format} 图片；本程序最多读取 {limit} 百万像素的图片。请使用缩小后的副本。</translation>
    </message>
    <message>
        <source>Cannot convert an image with {have} channels to {channels} channels.</source>
        <translation>无法把 {have} 通道的图像转换为 {channels} 通道。</translation>
    </message>
    <message>
        <source>Could not encode {name} as PNG.</source>
        <translation>无法把 {name} 编码为 PNG。</translation>
    </message>
</context>
<context>
    <name>lessons</name>
    <message>
        <source>The seed must be 0 or more (got {seed}).</source>
        <translation>随机种子必须大于或等于 0（当前为 {seed}）。</translation>
    </message>
    <message>
        <source>There is no lesson called {name}. Lessons: {names}.</source>
        <translation>没有名为 {name} 的课程。可选课程：{names}。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>{name}: {accuracy} test accuracy</source>
        <translation>{name}：测试准确率 {accuracy}</translation>
    </message>
    <message>
        <source>Stopped before the demo finished, so the comparison is incomplete. Finished: {finished}. Run the demo again to see the whole comparison.</source>
        <translation>演示在结束前被停止，所以这次对比不完整。已完成的部分：{finished}。再运行一次演示即可看到完整的对比。</translation>
    </message>
    <message>
        <source>Stopped before the demo finished, so there is no result yet. Run the demo again to see it.</source>
        <translation>演示在结束前被停止，还没有结果。再运行一次演示即可看到结果。</translation>
    </message>
    <message>
        <source>Loading the digits</source>
        <translation>正在读取手写数字</translation>
    </message>
    <message>
        <source>Training the Dense network</source>
        <translation>正在训练全连接网络</translation>
    </message>
    <message>
        <source>Training the CNN</source>
        <translation>正在训练卷积网络</translation>
    </message>
    <message>
        <source>Dense network</source>
        <translation>全连接网络</translation>
    </message>
    <message>
        <source>CNN</source>
        <translation>卷积网络</translation>
    </message>
    <message>
        <source>The CNN reached {cnn} test accuracy with {cnn_params:,} parameters; the Dense network {dense} with {dense_params:,} ({gain} points for the CNN, with {ratio:.1f}× fewer parameters).</source>
        <translation>卷积网络用 {cnn_params:,} 个参数达到 {cnn} 的测试准确率；全连接网络用 {dense_params:,} 个参数达到 {dense}（卷积网络高出 {gain} 个百分点，参数少 {ratio:.1f} 倍）。</translation>
    </message>
    <message>
        <source>This time the claim does not hold: the CNN needed at least 2 points more with fewer parameters.</source>
        <translation>这一次结论不成立：卷积网络需要在参数更少的同时高出至少 2 个百分点。</translation>
    </message>
    <message>
        <source>Why convolution</source>
        <translation>为什么用卷积</translation>
    </message>
    <message>
        <source>A Dense layer connects every pixel to every unit, so a stroke it has learned in one corner means nothing to it in another corner. A convolution learns small windows (3×3 here) and slides the same window over the whole image: what it learns in one place it recognises everywhere, with far fewer weights. The demo trains the Dense-only network and the tutorial&apos;s CNN on the same 4,000 digits with the same settings and compares them.</source>
        <translation>全连接层把每个像素都连到每个神经元上，所以它在图像一角学会的笔画，换到另一角就认不出来了。卷积层只学习很小的窗口（这里是 3×3），再用同一个窗口扫过整幅图像：在一个位置学到的模式，在任何位置都能认出来，而且权重少得多。本演示用相同的设置，在同样的 4,000 个数字上分别训练纯全连接网络和教程中的卷积网络，然后比较两者。</translation>
    </message>
    <message>
        <source>The CNN&apos;s test accuracy is at least 2 points above the Dense network&apos;s, with fewer parameters.</source>
        <translation>卷积网络的测试准确率比全连接网络高出至少 2 个百分点，而且参数更少。</translation>
    </message>
    <message>
        <source>Open both runs in the Training tab and compare the validation curves: which one overfits first?</source>
        <translation>在“训练”页同时打开这两次运行，比较验证曲线：哪一个先过拟合？</translation>
    </message>
    <message>
        <source>In the Builder, halve the CNN&apos;s filters (32→16, 64→32): how many parameters are left, and how much accuracy?</source>
        <translation>在“构建”页把卷积网络的过滤器数量减半（32→16，64→32）：还剩多少参数？准确率还有多少？</translation>
    </message>
    <message>
        <source>Give the Dense network a second hidden layer: does it catch up?</source>
        <translation>给全连接网络再加一个隐藏层：它能追上来吗？</translation>
    </message>
    <message>
        <source>Building both networks</source>
        <translation>正在构建两个网络</translation>
    </message>
    <message>
        <source>Measuring receptive fields through Keras</source>
        <translation>正在用 Keras 测量感受野</translation>
    </message>
    <message>
        <source>With pooling the network has {a_params:,} parameters and its last convolution sees {a_field}×{a_field} pixels; without pooling {b_params:,} parameters ({ratio:.0f}× more, nearly all in the Dense layer after Flatten) and only {b_field}×{b_field} pixels.</source>
        <translation>有池化时网络共有 {a_params:,} 个参数，最后一个卷积层能看到 {a_field}×{a_field} 个像素；去掉池化后有 {b_params:,} 个参数（多 {ratio:.0f} 倍，几乎全在 Flatten 之后的 Dense 层里），却只能看到 {b_field}×{b_field} 个像素。</translation>
    </message>
    <message>
        <source>The app&apos;s numbers equal Keras&apos; (parameters from count_params, receptive fields from the gradient of one output cell).</source>
        <translation>本程序算出的数字与 Keras 的一致（参数量来自 count_params，感受野来自一个输出单元对输入的梯度）。</translation>
    </message>
    <message>
        <source>The app&apos;s numbers differ from Keras&apos; (app: {a}, {b}; Keras: {c}, {d}).</source>
        <translation>本程序算出的数字与 Keras 的不一致（本程序：{a}，{b}；Keras：{c}，{d}）。</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>Max pooling keeps the largest value of each 2×2 window, halving the width and height of the feature maps without any weights to learn. Two things follow: the layers after it have fewer values to handle, and each of their cells looks at a wider patch of the original image (its receptive field), so later filters can combine strokes into whole digits. The demo compares the tutorial&apos;s CNN with the same layers minus the pooling.</source>
        <translation>最大池化只保留每个 2×2 窗口里的最大值，让特征图的宽和高各减半，而且没有任何需要学习的权重。这带来两个结果：后面的层要处理的数值变少了；后面每个单元能看到原图上更大的一块区域（感受野），于是更深的过滤器可以把笔画组合成完整的数字。本演示把教程中的卷积网络和去掉池化层后的同一网络进行比较。</translation>
    </message>
    <message>
        <source>Parameter counts and receptive fields computed by the app equal the ones Keras gives, and pooling widens the receptive field.</source>
        <translation>本程序算出的参数量和感受野与 Keras 给出的一致，并且池化使感受野变大。</translation>
    </message>
    <message>
        <source>In the Concepts tab, open the receptive-field table and click a cell of the last convolution with and without pooling.</source>
        <translation>在“概念”页打开感受野表，分别在有池化和无池化时点击最后一个卷积层的单元。</translation>
    </message>
    <message>
        <source>Replace the pooling with a convolution of stride 2 in the Builder: what happens to the parameters?</source>
        <translation>在“构建”页用步幅为 2 的卷积代替池化：参数量会怎样变化？</translation>
    </message>
    <message>
        <source>Training without augmentation</source>
        <translation>正在不加数据增强地训练</translation>
    </message>
    <message>
        <source>Training with augmentation</source>
        <translation>正在加数据增强训练</translation>
    </message>
    <message>
        <source>Without augmentation</source>
        <translation>无数据增强</translation>
    </message>
    <message>
        <source>With augmentation</source>
        <translation>有数据增强</translation>
    </message>
    <message>
        <source>On {count} training digits, the gap between training and validation accuracy after the last epoch was {gap_plain} points without augmentation and {gap_aug} with it; validation accuracy {val_plain} without, {val_aug} with.</source>
        <translation>在 {count} 个训练数字上，最后一轮结束时训练准确率与验证准确率之差：无数据增强为 {gap_plain} 个百分点，有数据增强为 {gap_aug} 个百分点；验证准确率分别为 {val_plain} 和 {val_aug}。</translation>
    </message>
    <message>
        <source>This time the claim does not hold (the gap must shrink and validation accuracy must not drop by more than 1 point).</source>
        <translation>这一次结论不成立（差距必须缩小，且验证准确率下降不得超过 1 个百分点）。</translation>
    </message>
    <message>
        <source>Overfitting and augmentation</source>
        <translation>过拟合与数据增强</translation>
    </message>
    <message>
        <source>With few examples a network soon memorises them: training accuracy climbs towards 100 % while accuracy on images it has not seen stays behind. That gap is overfitting. Augmentation shows the network a slightly different version of each image every epoch (here small rotations, shifts and zooms, which leave a digit the same digit), so memorising pays less and what it learns carries over to new images. The demo trains the same CNN on only 300 digits, without and with augmentation.</source>
        <translation>样本很少时，网络很快就会把它们背下来：训练准确率逼近 100 %，而没见过的图像上的准确率却落在后面。这个差距就是过拟合。数据增强让网络每一轮看到的都是每张图像略有不同的版本（这里是小幅旋转、平移和缩放，数字还是原来的数字），死记硬背就不再划算，学到的东西也更能用到新图像上。本演示只用 300 个数字，分别在有和没有数据增强的情况下训练同一个卷积网络。</translation>
    </message>
    <message>
        <source>With augmentation the final gap between training and validation accuracy is smaller, and validation accuracy is not worse by more than 1 point.</source>
        <translation>使用数据增强时，最终训练准确率与验证准确率的差距更小，而且验证准确率下降不超过 1 个百分点。</translation>
    </message>
    <message>
        <source>Overlay both runs in the Training tab: where do the solid and dashed lines part?</source>
        <translation>在“训练”页叠加这两次运行：实线和虚线从哪里开始分开？</translation>
    </message>
    <message>
        <source>In the Augmentation tab, turn on horizontal flips for digits and preview: why is that a bad idea here?</source>
        <translation>在“数据增强”页为数字打开水平翻转并预览：为什么这里不该这样做？</translation>
    </message>
    <message>
        <source>Train longer (50 epochs): which run keeps improving on validation?</source>
        <translation>训练更久一些（50 轮）：哪一次运行的验证结果还在继续提高？</translation>
    </message>
    <message>
        <source>Looking at the activations</source>
        <translation>正在查看激活</translation>
    </message>
    <message>
        <source>On test digit {index} (a {label}), {first_pct} of the feature maps of the first convolution ({first}) are all zero, and {last_pct} of the last one&apos;s ({last}); over 100 test digits {mean_first} and {mean_last}.</source>
        <translation>在第 {index} 个测试数字（一个 {label}）上，第一个卷积层（{first}）有 {first_pct} 的特征图全为零，最后一个卷积层（{last}）有 {last_pct}；在 100 个测试数字上平均分别为 {mean_first} 和 {mean_last}。</translation>
    </message>
    <message>
        <source>This time the deeper layer is not sparser on this digit.</source>
        <translation>这一次，在这个数字上更深的层并没有更稀疏。</translation>
    </message>
    <message>
        <source>What the layers see</source>
        <translation>各层看到了什么</translation>
    </message>
    <message>
        <source>Each convolution turns its input into a stack of feature maps, one per filter. The first layer&apos;s maps still look like the digit: edges and strokes in different directions. Deeper maps are smaller, more abstract, and more often completely dark, because a deep filter answers only when the pattern it stands for is present. The layers keep less about how the image looks and more about which class it is. The demo trains the CNN briefly and counts the all-dark maps of the first and the last convolution for one digit.</source>
        <translation>每个卷积层把输入变成一叠特征图，每个过滤器对应一张。第一层的特征图看上去仍像那个数字：不同方向的边缘和笔画。越深的特征图越小、越抽象，也越常常一片漆黑，因为深层的过滤器只有在它所代表的模式出现时才有反应。层越深，保留的关于图像外观的信息越少，关于类别的信息越多。本演示先简单训练卷积网络，然后对一个数字统计第一个和最后一个卷积层中全黑特征图的数量。</translation>
    </message>
    <message>
        <source>A larger share of the deeper layer&apos;s feature maps is all zero (sparser with depth).</source>
        <translation>更深的层中全为零的特征图所占比例更大（越深越稀疏）。</translation>
    </message>
    <message>
        <source>In the Visualize tab, step through other test digits (Index, Random) and watch which maps light up.</source>
        <translation>在“可视化”页换几个测试数字（序号、随机），看看哪些特征图会亮起来。</translation>
    </message>
    <message>
        <source>Compare a 1 and an 8: which one wakes more filters of the last layer?</source>
        <translation>比较 1 和 8：哪一个能唤醒最后一层更多的过滤器？</translation>
    </message>
    <message>
        <source>Training the separable CNN</source>
        <translation>正在训练可分离卷积网络</translation>
    </message>
    <message>
        <source>CNN (Conv2D)</source>
        <translation>卷积网络（Conv2D）</translation>
    </message>
    <message>
        <source>CNN (SeparableConv2D)</source>
        <translation>卷积网络（SeparableConv2D）</translation>
    </message>
    <message>
        <source>The convolutions hold {w_cnn:,} weights with Conv2D and {w_sep:,} with SeparableConv2D ({ratio:.1f}× fewer); test accuracy {acc_cnn} against {acc_sep} ({diff} points).</source>
        <translation>用 Conv2D 时卷积层共有 {w_cnn:,} 个权重，用 SeparableConv2D 时只有 {w_sep:,} 个（少 {ratio:.1f} 倍）；测试准确率 {acc_cnn} 对 {acc_sep}（相差 {diff} 个百分点）。</translation>
    </message>
    <message>
        <source>This time the claim does not hold (at least 4× fewer weights and no more than 2 points lower accuracy).</source>
        <translation>这一次结论不成立（权重至少要少 4 倍，准确率最多低 2 个百分点）。</translation>
    </message>
    <message>
        <source>Separable convolutions</source>
        <translation>深度可分离卷积</translation>
    </message>
    <message>
        <source>A normal 3×3 convolution mixes space and channels at once: every filter has a 3×3 window for every input channel. A separable convolution splits the job in two: first one 3×3 window per channel (depthwise), then a 1×1 convolution that mixes the channels (pointwise). That needs far fewer weights and calculations, and often learns just as well. The demo swaps the Conv2D layers of the tutorial&apos;s CNN for SeparableConv2D (all but the first, which sees a single grey channel: there is nothing to separate) and trains both the same way.</source>
        <translation>普通的 3×3 卷积同时混合空间和通道：每个过滤器对每个输入通道都有一个 3×3 窗口。可分离卷积把这件事拆成两步：先对每个通道各用一个 3×3 窗口（逐通道卷积），再用 1×1 卷积把通道混合起来（逐点卷积）。这样需要的权重和计算量少得多，学习效果却常常一样好。本演示把教程卷积网络中的 Conv2D 层换成 SeparableConv2D（第一层除外：它只看到一个灰度通道，没有什么可分离的），并用相同的方式训练两个网络。</translation>
    </message>
    <message>
        <source>The separable network has at least 4× fewer convolution weights, and its test accuracy is no more than 2 points lower.</source>
        <translation>可分离网络的卷积权重至少少 4 倍，测试准确率最多低 2 个百分点。</translation>
    </message>
    <message>
        <source>In the Builder, compare the parameter column of a Conv2D and a SeparableConv2D with 64 filters.</source>
        <translation>在“构建”页比较 64 个过滤器的 Conv2D 和 SeparableConv2D 的参数列。</translation>
    </message>
    <message>
        <source>Load the separable-cnn template: it is the tutorial&apos;s network for colour images.</source>
        <translation>载入 separable-cnn 模板：它是教程中用于彩色图像的网络。</translation>
    </message>
    <message>
        <source>Example folder (circles, squares, triangles)</source>
        <translation>示例文件夹（圆形、正方形、三角形）</translation>
    </message>
    <message>
        <source>Preparing the Example folder</source>
        <translation>正在准备示例文件夹</translation>
    </message>
    <message>
        <source>Feature extraction with ImageNet weights</source>
        <translation>正在用 ImageNet 权重提取特征</translation>
    </message>
    <message>
        <source>Feature extraction with random weights</source>
        <translation>正在用随机权重提取特征</translation>
    </message>
    <message>
        <source>Timing one end-to-end epoch</source>
        <translation>正在为一轮端到端训练计时</translation>
    </message>
    <message>
        <source>ImageNet features</source>
        <translation>ImageNet 特征</translation>
    </message>
    <message>
        <source>Random features</source>
        <translation>随机特征</translation>
    </message>
    <message>
        <source>With ImageNet weights the features gave {acc_in} test accuracy, with random weights {acc_rand} (chance is 33 %). An epoch of the head took {head:.3f} s, an end-to-end epoch with the frozen base {e2e:.2f} s: {speed:.0f}× slower.</source>
        <translation>用 ImageNet 权重提取的特征得到 {acc_in} 的测试准确率，用随机权重只有 {acc_rand}（随便猜为 33 %）。分类头训练一轮用时 {head:.3f} 秒，冻结卷积基后端到端训练一轮用时 {e2e:.2f} 秒，慢 {speed:.0f} 倍。</translation>
    </message>
    <message>
        <source>This time the claim does not hold (ImageNet at least 95 %, random at most 60 %, the head at least 5× faster).</source>
        <translation>这一次结论不成立（ImageNet 至少 95 %，随机权重最多 60 %，分类头至少快 5 倍）。</translation>
    </message>
    <message>
        <source>Pretrained features</source>
        <translation>预训练特征</translation>
    </message>
    <message>
        <source>A network trained on more than a million ImageNet photos has learned features that are useful far beyond its thousand classes. Feature extraction runs its convolutional base once over your images and trains only a small classifier on what comes out. That is fast, because the expensive base runs once instead of every epoch, and it works with few images, because the features were learned elsewhere. The demo uses MobileNetV2, bundled with the app, on the Example folder: once with its ImageNet weights, once with random weights.</source>
        <translation>在一百多万张 ImageNet 照片上训练过的网络，学到的特征远不止对它那一千个类别有用。特征提取只让它的卷积基在你的图像上运行一次，然后只在输出上训练一个小分类器。这样很快，因为昂贵的卷积基只运行一次，而不是每轮都运行；图像很少时也管用，因为特征早已在别处学好了。本演示在示例文件夹上使用程序自带的 MobileNetV2：一次用它的 ImageNet 权重，一次用随机权重。</translation>
    </message>
    <message>
        <source>ImageNet features reach at least 95 % test accuracy and random ones at most 60 %; an epoch of the head alone is at least 5× faster than an end-to-end epoch.</source>
        <translation>ImageNet 特征的测试准确率至少 95 %，随机特征最多 60 %；只训练分类头的一轮至少比端到端的一轮快 5 倍。</translation>
    </message>
    <message>
        <source>In the Pretrained tab, load MobileNetV2 with random weights and train on the Example folder yourself.</source>
        <translation>在“预训练”页载入随机权重的 MobileNetV2，自己在示例文件夹上训练试试。</translation>
    </message>
    <message>
        <source>Try the Flatten → Dense head instead of global average pooling: how many parameters does it add?</source>
        <translation>把全局平均池化换成 Flatten → Dense 分类头：会多出多少参数？</translation>
    </message>
    <message>
        <source>Training the head with the base frozen</source>
        <translation>正在冻结卷积基训练分类头</translation>
    </message>
    <message>
        <source>Fine-tuning the top block at a low learning rate</source>
        <translation>正在以低学习率微调顶部模块</translation>
    </message>
    <message>
        <source>Base frozen</source>
        <translation>冻结卷积基</translation>
    </message>
    <message>
        <source>Top block fine-tuned</source>
        <translation>微调顶部模块</translation>
    </message>
    <message>
        <source>With the base frozen the network reached {frozen} test accuracy; after fine-tuning from {layer} at learning rate {lr:g} it reached {tuned} ({diff} points). {moved} of the {unfrozen} unfrozen layers changed; {changed} of the {kept} frozen layers with weights changed.</source>
        <translation>冻结卷积基时网络的测试准确率为 {frozen}；从 {layer} 开始以学习率 {lr:g} 微调后为 {tuned}（变化 {diff} 个百分点）。{unfrozen} 个解冻层中有 {moved} 个发生了变化；{kept} 个带权重的冻结层中有 {changed} 个的权重发生了变化。</translation>
    </message>
    <message>
        <source>This time the claim does not hold (no more than 1 point lower, and no frozen weight changed).</source>
        <translation>这一次结论不成立（准确率最多低 1 个百分点，且冻结的权重不能有任何变化）。</translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation>微调</translation>
    </message>
    <message>
        <source>Fine-tuning goes one step further than feature extraction: after a new head has been trained on top of the frozen base, the top block of the base is unfrozen and trained together with the head, at a low learning rate so the pretrained weights are adjusted, not wiped out. Only the top is unfrozen because the lower layers hold general features (edges, colours) that suit any images, and because every unfrozen weight is one more chance to overfit. The demo trains the head with MobileNetV2 frozen, then unfreezes its last block.</source>
        <translation>微调比特征提取更进一步：先在冻结的卷积基上训练好新的分类头，再解冻卷积基顶部的模块，和分类头一起训练。学习率要低，这样预训练的权重只是被微微调整，而不是被抹掉。只解冻顶部，是因为底部的层保存的是适用于任何图像的通用特征（边缘、颜色），而且每多解冻一个权重，就多一分过拟合的风险。本演示先冻结 MobileNetV2 训练分类头，再解冻它的最后一个模块。</translation>
    </message>
    <message>
        <source>The fine-tuned accuracy is at least the frozen accuracy minus 1 point, and the weights of the layers kept frozen do not change.</source>
        <translation>微调后的准确率不低于冻结时的准确率减 1 个百分点，并且保持冻结的层的权重没有变化。</translation>
    </message>
    <message>
        <source>In the Pretrained tab, move the freeze boundary lower and fine-tune again: does accuracy improve or does the network start to overfit?</source>
        <translation>在“预训练”页把冻结边界往下移，再微调一次：准确率提高了，还是网络开始过拟合了？</translation>
    </message>
    <message>
        <source>Fine-tune with a learning rate of 1e-3 instead of 1e-5 and watch the first epochs.</source>
        <translation>把学习率从 1e-5 改成 1e-3 再微调，留意前几轮的变化。</translation>
    </message>
    <message>
        <source>Loading MobileNetV2 with ImageNet weights</source>
        <translation>正在载入带 ImageNet 权重的 MobileNetV2</translation>
    </message>
    <message>
        <source>Patterns of the early layer</source>
        <translation>正在生成浅层的过滤器模式</translation>
    </message>
    <message>
        <source>Patterns of the late layer</source>
        <translation>正在生成深层的过滤器模式</translation>
    </message>
    <message>
        <source>{layer}, filter {index}: {wave:.1f} px</source>
        <translation>{layer}，过滤器 {index}：{wave:.1f} 像素</translation>
    </message>
    <message>
        <source>The dominant wavelength of the patterns (median of {count} filters, from each pattern&apos;s power spectrum) is {early:.1f} pixels in {early_layer} and {late:.1f} pixels in {late_layer}: the late layer&apos;s patterns are {ratio:.1f}× larger in scale.</source>
        <translation>过滤器模式的主波长（{count} 个过滤器的中位数，由每个模式的功率谱得出）在 {early_layer} 中为 {early:.1f} 像素，在 {late_layer} 中为 {late:.1f} 像素：深层模式的尺度大 {ratio:.1f} 倍。</translation>
    </message>
    <message>
        <source>The dominant wavelength of the patterns (median of {count} filters) is {early:.1f} pixels in {early_layer} and {late:.1f} pixels in {late_layer}: this time the late layer&apos;s patterns are not larger in scale.</source>
        <translation>过滤器模式的主波长（{count} 个过滤器的中位数）在 {early_layer} 中为 {early:.1f} 像素，在 {late_layer} 中为 {late:.1f} 像素：这一次深层模式的尺度并不更大。</translation>
    </message>
    <message>
        <source>Filter patterns</source>
        <translation>过滤器模式</translation>
    </message>
    <message>
        <source>What does one filter look for? Start from a grey, slightly noisy image and change it, step by step, in the direction that makes that filter respond more (gradient ascent). What comes out is the filter&apos;s favourite pattern. Filters of the first layer want edges and colours; deeper filters want textures and larger shapes made of those edges. The demo draws patterns of MobileNetV2&apos;s first convolution and of a late one and measures the size of their structures: the wavelength with the most power in each pattern&apos;s spectrum.</source>
        <translation>一个过滤器在找什么？从一张带少许噪声的灰色图像出发，一步步朝着让这个过滤器反应更强的方向修改它（梯度上升），最后得到的就是这个过滤器最喜欢的模式。第一层的过滤器喜欢边缘和颜色；更深的过滤器喜欢由这些边缘组成的纹理和更大的形状。本演示画出 MobileNetV2 第一个卷积层和一个深层卷积层的模式，并测量其中结构的大小：每个模式频谱中功率最大的波长。</translation>
    </message>
    <message>
        <source>The late layer&apos;s patterns have a longer dominant wavelength (larger-scale structure) than the early layer&apos;s.</source>
        <translation>深层模式的主波长比浅层的更长（结构尺度更大）。</translation>
    </message>
    <message>
        <source>In the Visualize tab, show the patterns of a middle layer: where do textures turn into shapes?</source>
        <translation>在“可视化”页显示中间某层的模式：纹理从哪一层开始变成形状？</translation>
    </message>
    <message>
        <source>Compose MobileNetV2 with random weights in the Pretrained tab and show the same layer&apos;s patterns: do they still mean anything?</source>
        <translation>在“预训练”页用随机权重组合 MobileNetV2，再显示同一层的模式：这些模式还有意义吗？</translation>
    </message>
    <message>
        <source>Training on ImageNet features</source>
        <translation>正在用 ImageNet 特征训练</translation>
    </message>
    <message>
        <source>Computing Grad-CAM</source>
        <translation>正在计算 Grad-CAM</translation>
    </message>
    <message>
        <source>{name}: peak in the box</source>
        <translation>{name}：峰值在框内</translation>
    </message>
    <message>
        <source>{name}: peak outside the box</source>
        <translation>{name}：峰值在框外</translation>
    </message>
    <message>
        <source>The Grad-CAM peak ({layer}) lies inside the shape&apos;s box on {rate} of the {count} test images; a point picked at random would land in the box {chance} of the time (the boxes&apos; average share of the image). Test accuracy {accuracy}.</source>
        <translation>在 {count} 张测试图像中，有 {rate} 的 Grad-CAM 峰值（{layer}）落在图形的边界框内；随机选一个点落在框内的概率为 {chance}（边界框占图像面积的平均比例）。测试准确率 {accuracy}。</translation>
    </message>
    <message>
        <source>This time the claim does not hold (at least 80 %).</source>
        <translation>这一次结论不成立（至少需要 80 %）。</translation>
    </message>
    <message>
        <source>Where the network looks</source>
        <translation>网络在看哪里</translation>
    </message>
    <message>
        <source>Grad-CAM asks which parts of the image pushed the network towards its answer. It takes the feature maps of the last convolution, weighs each map by how much the class score changes when that map changes (its gradient), and adds them up into a heatmap. If the network has learned the right thing, the heat sits on the object, not on the background. The demo trains a classifier on MobileNetV2 features of the Example folder and checks, for every test image, whether the hottest point lies inside the shape&apos;s bounding box.</source>
        <translation>Grad-CAM 要回答的是：图像的哪些部分把网络推向了它的答案。它取最后一个卷积层的特征图，按类别得分随每张图变化的程度（梯度）给每张图加权，再加起来得到热力图。如果网络学对了，热量会落在物体上，而不是背景上。本演示在示例文件夹的 MobileNetV2 特征上训练一个分类器，然后对每张测试图像检查最热的点是否落在图形的边界框内。</translation>
    </message>
    <message>
        <source>The heatmap&apos;s peak lies inside the shape&apos;s bounding box on at least 80 % of the test images.</source>
        <translation>至少 80 % 的测试图像上，热力图的峰值落在图形的边界框内。</translation>
    </message>
    <message>
        <source>In the Visualize tab, choose each class under &quot;Explain class&quot;: where is the evidence for &quot;squares&quot; in a picture of a circle?</source>
        <translation>在“可视化”页的“解释类别”里逐个选择类别：在一张圆形的图片里，“正方形”这一类的证据落在哪里？</translation>
    </message>
    <message>
        <source>Draw a circle and a triangle in one picture (any paint program) and drop it on the Visualize tab: where does the heat go for each class?</source>
        <translation>用任意画图程序在一张图里画一个圆和一个三角形，把它拖到“可视化”页上：每个类别的热量分别落在哪里？</translation>
    </message>
    <message>
        <source>Loading the sequences</source>
        <translation>正在读取序列</translation>
    </message>
    <message>
        <source>Training the Conv1D network</source>
        <translation>正在训练一维卷积网络</translation>
    </message>
    <message>
        <source>Conv1D</source>
        <translation>一维卷积（Conv1D）</translation>
    </message>
    <message>
        <source>Dense</source>
        <translation>全连接（Dense）</translation>
    </message>
    <message>
        <source>With RMSprop 1e-4, 10 epochs, batch 128 and 20 % validation, the Conv1D network reached {conv} test accuracy and the Dense network {dense} (chance is 50 %).</source>
        <translation>使用 RMSprop 1e-4、10 轮、批大小 128、20 % 验证集时，一维卷积网络的测试准确率为 {conv}，全连接网络为 {dense}（随便猜为 50 %）。</translation>
    </message>
    <message>
        <source>This time the claim does not hold (Conv1D at least 90 %, Dense at most 65 %).</source>
        <translation>这一次结论不成立（一维卷积至少 90 %，全连接最多 65 %）。</translation>
    </message>
    <message>
        <source>Conv1D on sequences</source>
        <translation>用一维卷积处理序列</translation>
    </message>
    <message>
        <source>Text is a sequence of word ids. An Embedding turns each word into a vector, and a Conv1D slides a short window (7 words here) along the sentence, so a phrase it has learned is recognised wherever it appears. In the bundled sequences a text is positive when three words appear in one particular order anywhere in it; the negative texts hold the same words in another order. A Dense layer on the flattened word vectors would have to learn the phrase separately at every position. The demo trains both at the tutorial&apos;s settings.</source>
        <translation>文本就是一串词的编号。Embedding 层把每个词变成一个向量，Conv1D 沿着句子滑动一个短窗口（这里是 7 个词），所以它学会的短语无论出现在哪里都能被认出来。在自带的序列数据中，如果三个词按某个特定顺序出现在文本的任意位置，这段文本就是正例；反例中也有这三个词，但顺序不同。而作用在展平后词向量上的 Dense 层，必须在每个位置分别学习这个短语。本演示按教程的设置训练这两种网络。</translation>
    </message>
    <message>
        <source>At the tutorial&apos;s settings (RMSprop 1e-4, 10 epochs, batch 128, validation split 0.2) Conv1D reaches at least 90 % test accuracy and the Dense network at most 65 %.</source>
        <translation>按照教程的设置（RMSprop 1e-4、10 轮、批大小 128、验证集比例 0.2），一维卷积的测试准确率至少 90 %，全连接网络最多 65 %。</translation>
    </message>
    <message>
        <source>Change the Conv1D kernel size from 7 to 2 in the Builder: can it still see a three-word phrase?</source>
        <translation>在“构建”页把 Conv1D 的卷积核大小从 7 改成 2：它还能看出三个词的短语吗？</translation>
    </message>
    <message>
        <source>Train the conv1d-text template with batch 32 instead of 128: how many epochs does it need now?</source>
        <translation>把 conv1d-text 模板的批大小从 128 改成 32 再训练：现在需要多少轮？</translation>
    </message>
    <message>
        <source>The template cannot see a phrase in the last words of a text: its MaxPooling1D(5) keeps only 490 of the first Conv1D&apos;s 494 windows, so the bundled texts keep the phrase away from the end. Which setting of the pooling layer would close that blind spot?</source>
        <translation>模板看不到位于文本最后几个词里的短语：它的 MaxPooling1D(5) 只保留了第一个 Conv1D 的 494 个窗口中的 490 个，所以自带的文本让短语离结尾远一些。把池化层的哪个设置改一下，就能消除这个盲区？</translation>
    </message>
    <message>
        <source>Comparing output sizes with Keras</source>
        <translation>正在与 Keras 比较输出尺寸</translation>
    </message>
    <message>
        <source>A 3×3 kernel on a 28×28 digit gives {parts}; the lab&apos;s output size equals Keras&apos; in {same} of {cases} cases (sizes 28 and 7, kernels 3 and 5, valid/same, stride 1/2).</source>
        <translation>3×3 卷积核作用在 28×28 的数字上得到 {parts}；在 {cases} 种情况中，卷积实验室算出的输出尺寸有 {same} 种与 Keras 一致（尺寸 28 和 7，卷积核 3 和 5，valid/same，步幅 1/2）。</translation>
    </message>
    <message>
        <source>Kernels, padding, stride</source>
        <translation>卷积核、填充与步幅</translation>
    </message>
    <message>
        <source>A convolution is set by the size of its window (the kernel), how far the window moves each step (the stride) and what happens at the border. With padding &apos;valid&apos; the window only goes where it fits, so a 3×3 kernel trims one pixel from each side; with &apos;same&apos; zeros are added around the input so the output keeps its size. A stride of 2 skips every other position and halves the output, much like pooling. The demo computes the output size of each combination the way the convolution lab does and asks Keras for the same layer.</source>
        <translation>一个卷积由三件事决定：窗口（卷积核）的大小、窗口每次移动多远（步幅），以及在边界上怎么处理。填充方式为 &apos;valid&apos; 时，窗口只在放得下的地方停留，所以 3×3 卷积核会让每条边少掉一个像素；为 &apos;same&apos; 时，会在输入四周补零，让输出保持原来的尺寸。步幅为 2 时每隔一个位置才停一次，输出减半，效果和池化很像。本演示按卷积实验室的方法计算每种组合的输出尺寸，再让 Keras 对同样的层给出结果。</translation>
    </message>
    <message>
        <source>The lab&apos;s output size equals Keras&apos; for valid/same × stride 1/2.</source>
        <translation>在 valid/same × 步幅 1/2 的各种组合下，卷积实验室算出的输出尺寸都与 Keras 一致。</translation>
    </message>
    <message>
        <source>In the Concepts tab&apos;s convolution lab, set padding &apos;same&apos; and stride 2 and step through the positions: where do the zeros go?</source>
        <translation>在“概念”页的卷积实验室里，把填充设为 &apos;same&apos;、步幅设为 2，然后逐个位置查看：补的零在哪里？</translation>
    </message>
    <message>
        <source>Find a kernel and stride for which some input pixels are never seen.</source>
        <translation>找一组卷积核和步幅，使某些输入像素永远不会被看到。</translation>
    </message>
</context>
<context>
    <name>model_files</name>
    <message>
        <source>{path} is a symbolic link that points back to itself (a loop), not a model file. Choose the model file itself.</source>
        <translation>{path} 是一个指回自身的符号链接（循环），不是模型文件。请直接选择模型文件本身。</translation>
    </message>
    <message>
        <source>{path} is a symbolic link to a file that does not exist. Choose the model file itself.</source>
        <translation>{path} 是指向不存在文件的符号链接。请直接选择模型文件本身。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a model file. Choose a .keras or .h5 file inside it.</source>
        <translation>{path} 是一个文件夹，不是模型文件。请选择其中的 .keras 或 .h5 文件。</translation>
    </message>
    <message>
        <source>{path} is not a regular file (a device or a pipe). Choose a .keras or .h5 file.</source>
        <translation>{path} 不是普通文件（而是设备或管道）。请选择 .keras 或 .h5 文件。</translation>
    </message>
    <message>
        <source>its model configuration (config.json) would unpack to {size}, far more than any real model&apos;s (at most {limit}); it was not opened</source>
        <translation>其模型配置（config.json）解压后有 {size}，远超任何真实模型（最多 {limit}）；因此没有打开</translation>
    </message>
    <message>
        <source>{name} would unpack to {size}, more than half of this computer&apos;s memory ({memory}); it was not opened.</source>
        <translation>{name} 解压后有 {size}，超过本机内存（{memory}）的一半；因此没有打开。</translation>
    </message>
    <message>
        <source>{name} is too large to open in this computer&apos;s memory.</source>
        <translation>{name} 太大，本机内存无法打开。</translation>
    </message>
</context>
<context>
    <name>pretrained_cli</name>
    <message>
        <source>The output file must end in .keras (got {name}); e.g. --out model.keras.</source>
        <translation>输出文件必须以 .keras 结尾（收到的是 {name}），例如 --out model.keras。</translation>
    </message>
    <message>
        <source>--epochs must be 1 or more and --fine-tune-epochs 0 or more.</source>
        <translation>--epochs 至少为 1，--fine-tune-epochs 至少为 0。</translation>
    </message>
    <message>
        <source>--fine-tune-epochs needs --fine-tune-from LAYER (e.g. block5_conv1 for VGG16).</source>
        <translation>--fine-tune-epochs 需要同时给出 --fine-tune-from 层名（例如 VGG16 的 block5_conv1）。</translation>
    </message>
    <message>
        <source>The image folder {folder} does not exist: give a folder with one sub-folder per class.</source>
        <translation>图像文件夹 {folder} 不存在：请给出每个类别一个子文件夹的文件夹。</translation>
    </message>
</context>
<context>
    <name>receptive_field</name>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Layer {index} {type} does not fit a {dims}-D input.</source>
        <translation>第 {index} 层 {type} 不适用于 {dims} 维输入。</translation>
    </message>
    <message>
        <source>Layer {index} {type}: its {window} window does not fit its input, so it has no output cells. Use padding &apos;same&apos; or remove a pooling layer before it.</source>
        <translation>第 {index} 层 {type}：它的 {window} 窗口放不进它的输入，所以没有输出格子。请使用填充方式 &apos;same&apos;，或删掉它前面的一个池化层。</translation>
    </message>
    <message>
        <source>Layer {index} {type} is not understood here.</source>
        <translation>这里无法分析第 {index} 层 {type}。</translation>
    </message>
</context>
<context>
    <name>resources</name>
    <message>
        <source>The bundled file {file} is missing from {folder}. The installation is incomplete: reinstall CNN Explorer.</source>
        <translation>内置文件 {file} 不在 {folder} 中。安装不完整：请重新安装 CNN Explorer。</translation>
    </message>
</context>
<context>
    <name>runs</name>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>{minutes} min {seconds:02d} s</source>
        <translation>{minutes} 分 {seconds:02d} 秒</translation>
    </message>
    <message>
        <source>{hours} h {minutes:02d} min</source>
        <translation>{hours} 小时 {minutes:02d} 分</translation>
    </message>
    <message>
        <source>This is not a run: the file does not hold a JSON object.</source>
        <translation>这不是训练记录：文件里不是一个 JSON 对象。</translation>
    </message>
    <message>
        <source>This file does not hold a CNN Explorer run (its &apos;format&apos; field differs).</source>
        <translation>这个文件不是 CNN Explorer 的训练记录（它的 “format” 字段不同）。</translation>
    </message>
    <message>
        <source>This run was saved by a newer CNN Explorer (version {version}); update the app to open it.</source>
        <translation>这条训练记录由更新版本的 CNN Explorer 保存（版本 {version}）；请更新应用后再打开。</translation>
    </message>
    <message>
        <source>This run has no name; the file may be damaged.</source>
        <translation>这条训练记录没有名称；文件可能已损坏。</translation>
    </message>
    <message>
        <source>the run file</source>
        <translation>训练记录文件</translation>
    </message>
    <message>
        <source>A run needs a name; type at least one character.</source>
        <translation>训练记录需要一个名称；请至少输入一个字符。</translation>
    </message>
    <message>
        <source>The run&apos;s history is not a table of per-epoch numbers; the file may be damaged.</source>
        <translation>训练记录中的历史不是按轮次排列的数字表；文件可能已损坏。</translation>
    </message>
    <message>
        <source>{id} is not a run id.</source>
        <translation>{id} 不是训练记录编号。</translation>
    </message>
    <message>
        <source>{count} run file(s) could not be read and were skipped: {names}.</source>
        <translation>有 {count} 个训练记录文件无法读取，已跳过：{names}。</translation>
    </message>
    <message>
        <source>Could not delete the run file {path} ({reason}).</source>
        <translation>无法删除训练记录文件 {path}（{reason}）。</translation>
    </message>
</context>
<context>
    <name>sample_folder</name>
    <message>
        <source>Writing example images: {done}/{total}</source>
        <translation>正在写入示例图像：{done}/{total}</translation>
    </message>
    <message>
        <source>Could not write the example folder {path} ({reason}). Free some disk space or check the folder&apos;s permissions.</source>
        <translation>无法写入示例文件夹 {path}（{reason}）。请腾出一些磁盘空间，或检查该文件夹的权限。</translation>
    </message>
</context>
<context>
    <name>shapes</name>
    <message>
        <source>scalar</source>
        <translation>标量</translation>
    </message>
    <message>
        <source>Layer {index} {type}</source>
        <translation>第 {index} 层 {type}</translation>
    </message>
    <message>
        <source>{prefix}: {name}={value} is too large — the app allows at most {limit:,}.</source>
        <translation>{prefix}：{name}={value} 太大——本程序最多允许 {limit:,}。</translation>
    </message>
    <message>
        <source>{prefix}: {name} must be a whole number, not {value} — use e.g. {name}=3.</source>
        <translation>{prefix}：{name} 必须是一个整数，而不是 {value}——例如用 {name}=3。</translation>
    </message>
    <message>
        <source>{prefix}: {name} must be a whole number or a list of {rank} of them, not {value} — use e.g. {name}=3 or [3, 3].</source>
        <translation>{prefix}：{name} 必须是一个整数或由 {rank} 个整数组成的列表，而不是 {value}——例如用 {name}=3 或 [3, 3]。</translation>
    </message>
    <message>
        <source>{prefix}: {name}={value} is not allowed, sizes must be at least 1 — use {name}=1 or more.</source>
        <translation>{prefix}：不允许 {name}={value}，大小至少为 1——请使用 {name}=1 或更大的值。</translation>
    </message>
    <message>
        <source>no settings</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{prefix}: unknown setting {name} — remove it ({type} takes {allowed}).</source>
        <translation>{prefix}：未知的设置 {name}——请删除它（{type} 的设置项为：{allowed}）。</translation>
    </message>
    <message>
        <source>{prefix}: {name}={value} must be a whole number of at least 1 — a layer needs at least one unit; set {name} to 1 or more.</source>
        <translation>{prefix}：{name}={value} 必须是不小于 1 的整数——一层至少需要一个单元；请把 {name} 设为 1 或更大。</translation>
    </message>
    <message>
        <source>{prefix}: {name}={value} must be a whole number of at least 1 — a layer needs at least one of them; set {name} to 1 or more.</source>
        <translation>{prefix}：{name}={value} 必须是不小于 1 的整数——一层至少需要一个；请把 {name} 设为 1 或更大。</translation>
    </message>
    <message>
        <source>{prefix}: padding {value} is unknown — use &apos;valid&apos; or &apos;same&apos;.</source>
        <translation>{prefix}：未知的填充方式 {value}——请使用 &apos;valid&apos; 或 &apos;same&apos;。</translation>
    </message>
    <message>
        <source>{prefix}: activation {value} is unknown — use one of {choices}.</source>
        <translation>{prefix}：未知的激活函数 {value}——请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <source>{prefix}: dropout rate {value} must be at least 0 and below 1 — try 0.5.</source>
        <translation>{prefix}：丢弃率 {value} 必须不小于 0 且小于 1——可以试试 0.5。</translation>
    </message>
    <message>
        <source>{prefix}: {name}={value} must be a number.</source>
        <translation>{prefix}：{name}={value} 必须是一个数字。</translation>
    </message>
    <message>
        <source>a flat vector of {count:,} values</source>
        <translation>一个含 {count:,} 个值的扁平向量</translation>
    </message>
    <message>
        <source>a sequence {shape} (length × channels)</source>
        <translation>一个序列 {shape}（长度 × 通道）</translation>
    </message>
    <message>
        <source>an image {shape} (height × width × channels)</source>
        <translation>一幅图像 {shape}（高 × 宽 × 通道）</translation>
    </message>
    <message>
        <source>a {rank}-D tensor {shape}</source>
        <translation>一个 {rank} 维张量 {shape}</translation>
    </message>
    <message>
        <source>an image (height × width × channels)</source>
        <translation>一幅图像（高 × 宽 × 通道）</translation>
    </message>
    <message>
        <source>move {type} (layer {index}) below the last convolution or pooling layer</source>
        <translation>把 {type}（第 {index} 层）移到最后一个卷积层或池化层之后</translation>
    </message>
    <message>
        <source>use Conv1D / MaxPooling1D / GlobalMaxPooling1D for sequences</source>
        <translation>序列请使用 Conv1D / MaxPooling1D / GlobalMaxPooling1D</translation>
    </message>
    <message>
        <source>a sequence (length × channels)</source>
        <translation>一个序列（长度 × 通道）</translation>
    </message>
    <message>
        <source>use Conv2D/MaxPooling2D for images, or start from a sequence input with an Embedding</source>
        <translation>图像请使用 Conv2D/MaxPooling2D，或者从序列输入开始并先接一个 Embedding</translation>
    </message>
    <message>
        <source>put an Embedding first to turn word ids into vectors</source>
        <translation>把 Embedding 放在第一层，把单词编号变成向量</translation>
    </message>
    <message>
        <source>{prefix}: needs {need} but gets {what} — {fix}.</source>
        <translation>{prefix}：需要{need}，但得到的是{what}——{fix}。</translation>
    </message>
    <message>
        <source>use an image input (height, width, channels)</source>
        <translation>请使用图像输入（高 × 宽 × 通道）</translation>
    </message>
    <message>
        <source>remove {type} (layer {index}), or put an Embedding first for word ids</source>
        <translation>请删除 {type}（第 {index} 层），或在最前面放一个 Embedding 来处理词编号</translation>
    </message>
    <message>
        <source>or remove a pooling or strided layer before it (layer {layers})</source>
        <translation>或删除它前面的一个池化层或步长大于 1 的层（第 {layers} 层）</translation>
    </message>
    <message>
        <source>or use padding=&apos;same&apos; in the convolutions before it (layer {layers})</source>
        <translation>或在它前面的卷积层中使用 padding=&apos;same&apos;（第 {layers} 层）</translation>
    </message>
    <message>
        <source>or use a larger input</source>
        <translation>或使用更大的输入</translation>
    </message>
    <message>
        <source>{prefix}: pool window {window} is larger than its input {input} — use padding=&apos;same&apos;, a pool_size of at most {largest}, {fix}.</source>
        <translation>{prefix}：池化窗口 {window} 比它的输入 {input} 还大——请使用 padding=&apos;same&apos;、不超过 {largest} 的 pool_size，{fix}。</translation>
    </message>
    <message>
        <source>{prefix}: kernel {window} is larger than its input {input} — use padding=&apos;same&apos;, a kernel_size of at most {largest}, {fix}.</source>
        <translation>{prefix}：卷积核 {window} 比它的输入 {input} 还大——请使用 padding=&apos;same&apos;、不超过 {largest} 的 kernel_size，{fix}。</translation>
    </message>
    <message>
        <source>height</source>
        <translation>高</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽</translation>
    </message>
    <message>
        <source>length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>pooling has no weights (params = 0)</source>
        <translation>池化没有权重（params = 0）</translation>
    </message>
    <message>
        <source>params = depthwise {kernel}·{channels} + pointwise {channels}·{filters} + bias {filters} = {params:,}</source>
        <translation>params = 逐通道 {kernel}·{channels} + 逐点 {channels}·{filters} + 偏置 {filters} = {params:,}</translation>
    </message>
    <message>
        <source>one mean per channel: {input} → {channels}</source>
        <translation>每个通道取一个平均值：{input} → {channels}</translation>
    </message>
    <message>
        <source>one maximum per channel: {input} → {channels}</source>
        <translation>每个通道取一个最大值：{input} → {channels}</translation>
    </message>
    <message>
        <source>already flat: {count:,}</source>
        <translation>已经是扁平的：{count:,}</translation>
    </message>
    <message>
        <source>out = {units} unit</source>
        <translation>out = {units} 个单元</translation>
    </message>
    <message>
        <source>out = {units} units</source>
        <translation>out = {units} 个单元</translation>
    </message>
    <message>
        <source> (applied to every position: {positions})</source>
        <translation>（作用于每个位置：{positions}）</translation>
    </message>
    <message>
        <source>shape unchanged</source>
        <translation>形状不变</translation>
    </message>
    <message>
        <source>drops {rate:g} of values while training</source>
        <translation>训练时随机丢弃比例为 {rate:g} 的数值</translation>
    </message>
    <message>
        <source>params = 4·{channels} = {params:,} (γ, β trainable; mean, variance not trainable: {frozen:,})</source>
        <translation>params = 4·{channels} = {params:,}（γ、β 可训练，均值和方差不可训练：{frozen:,}）</translation>
    </message>
    <message>
        <source>{prefix}: an Embedding turns word ids into vectors, so it must be the first layer — move it to position 1.</source>
        <translation>{prefix}：Embedding 把单词编号变成向量，所以必须是第一层——请把它移到第 1 个位置。</translation>
    </message>
    <message>
        <source>each of the {ids} ids becomes a vector of {dim}</source>
        <translation>{ids} 个编号中的每一个都变成长度为 {dim} 的向量</translation>
    </message>
    <message>
        <source>values become {values}</source>
        <translation>数值变为 {values}</translation>
    </message>
    <message>
        <source>{prefix}: unknown layer type — remove it.</source>
        <translation>{prefix}：未知的层类型——请删除它。</translation>
    </message>
    <message>
        <source>The input shape {shape} is not valid: every size must be a whole number of at least 1 — e.g. (28, 28, 1) for MNIST digits.</source>
        <translation>输入形状 {shape} 无效：每个大小都必须是不小于 1 的整数——例如 MNIST 数字用 (28, 28, 1)。</translation>
    </message>
    <message>
        <source>The optimizer {optimizer} is not one the app offers — choose {choices}.</source>
        <translation>本应用不提供优化器 {optimizer}——请从 {choices} 中选择。</translation>
    </message>
    <message>
        <source>The loss {loss} is not one the app offers — choose {choices}.</source>
        <translation>本应用不提供损失函数 {loss}——请从 {choices} 中选择。</translation>
    </message>
    <message>
        <source>The learning rate {rate} must be a positive number — try 0.001.</source>
        <translation>学习率 {rate} 必须是正数——可以试试 0.001。</translation>
    </message>
    <message>
        <source>Unknown metric(s) {metrics} — use {choices}.</source>
        <translation>未知的指标 {metrics}——请使用 {choices}。</translation>
    </message>
    <message>
        <source>The design has no layers — add some, or start from a template.</source>
        <translation>设计中还没有任何层——请添加层，或从模板开始。</translation>
    </message>
    <message>
        <source>{prefix} is the last layer, but a classifier must end with a Dense layer that has one unit per class — add Dense(units=number of classes).</source>
        <translation>{prefix} 是最后一层，但分类器必须以每个类别一个单元的 Dense 层结尾——请添加 Dense(units=类别数)。</translation>
    </message>
    <message>
        <source>{prefix}: the model&apos;s output is {shape}, not one value per class — add Flatten or GlobalAveragePooling2D before the Dense layers.</source>
        <translation>{prefix}：模型的输出是 {shape}，而不是每个类别一个值——请在 Dense 层之前添加 Flatten 或 GlobalAveragePooling2D。</translation>
    </message>
    <message>
        <source>{prefix}: softmax on a single unit always outputs 1.0, so binary cross-entropy cannot learn anything — use activation=&apos;sigmoid&apos;.</source>
        <translation>{prefix}：只有一个单元时 softmax 总是输出 1.0，二元交叉熵因此什么也学不到——请使用 activation=&apos;sigmoid&apos;。</translation>
    </message>
    <message>
        <source>{prefix}: binary cross-entropy needs a probability between 0 and 1 but the activation is {activation} — use activation=&apos;sigmoid&apos;.</source>
        <translation>{prefix}：二元交叉熵需要 0 到 1 之间的概率，但激活函数是 {activation}——请使用 activation=&apos;sigmoid&apos;。</translation>
    </message>
    <message>
        <source>{prefix}: binary cross-entropy with class-index labels needs one sigmoid unit, not {units} — set units=1 and activation=&apos;sigmoid&apos;, or use sparse_categorical_crossentropy with softmax.</source>
        <translation>{prefix}：标签为类别编号时，二元交叉熵需要一个 sigmoid 单元，而不是 {units} 个——请设置 units=1 和 activation=&apos;sigmoid&apos;，或者使用 sparse_categorical_crossentropy 搭配 softmax。</translation>
    </message>
    <message>
        <source>{prefix}: {loss} needs one unit per class, but this layer has 1 — set units to the number of classes, or use binary_crossentropy with a sigmoid for two classes.</source>
        <translation>{prefix}：{loss} 需要每个类别一个单元，但这一层只有 1 个——请把 units 设为类别数；如果只有两个类别，也可以使用 binary_crossentropy 搭配 sigmoid。</translation>
    </message>
    <message>
        <source>{prefix}: {loss} expects probabilities but the output activation is {activation} — use activation=&apos;softmax&apos;.</source>
        <translation>{prefix}：{loss} 需要概率，但输出层的激活函数是 {activation}——请使用 activation=&apos;softmax&apos;。</translation>
    </message>
    <message>
        <source>set units={classes} with softmax, or units=1 with sigmoid and binary_crossentropy</source>
        <translation>请设置 units={classes} 并使用 softmax，或者设置 units=1 并使用 sigmoid 和 binary_crossentropy</translation>
    </message>
    <message>
        <source>set units={classes}</source>
        <translation>请设置 units={classes}</translation>
    </message>
    <message>
        <source>{prefix}: the output has {units} unit but the dataset has {classes} classes — {fix}.</source>
        <translation>{prefix}：输出有 {units} 个单元，但数据集有 {classes} 个类别——{fix}。</translation>
    </message>
    <message>
        <source>{prefix}: the output has {units} units but the dataset has {classes} classes — {fix}.</source>
        <translation>{prefix}：输出有 {units} 个单元，但数据集有 {classes} 个类别——{fix}。</translation>
    </message>
    <message>
        <source>The design has {params} parameters; the app trains designs of up to {limit} — use fewer units or filters, or more pooling before Flatten.</source>
        <translation>设计有 {params} 个参数；本程序最多训练 {limit} 个参数的设计——请减少单元或滤波器数量，或在 Flatten 前增加池化。</translation>
    </message>
    <message>
        <source>The input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>{where}: its output {shape} needs {need} for a batch of {batch}, more than a quarter of this computer&apos;s memory ({budget}) — use a smaller input, fewer filters, or more pooling.</source>
        <translation>{where}：它的输出 {shape} 在批大小为 {batch} 时需要 {need}，超过了这台计算机内存的四分之一（{budget}）——请使用更小的输入、更少的滤波器或更多的池化。</translation>
    </message>
    <message>
        <source>{where}: its {params} weights need {need}, more than a quarter of this computer&apos;s memory ({budget}) — use fewer units or filters.</source>
        <translation>{where}：它的 {params} 个权重需要 {need}，超过了这台计算机内存的四分之一（{budget}）——请减少单元或滤波器数量。</translation>
    </message>
    <message>
        <source>{size} window</source>
        <translation>{size} 窗口</translation>
    </message>
    <message>
        <source>size-{size} window</source>
        <translation>大小为 {size} 的窗口</translation>
    </message>
    <message>
        <source>padding=&apos;same&apos; adds a border of zeros around the input, so the {window} may sit at every position; moving {step} at a time gives {positions} positions (the input {input} divided by {step}, rounded up).</source>
        <translation>padding=&apos;same&apos; 在输入四周补一圈 0，{window}因此可以放在每个位置上；每次移动 {step} 格，得到 {positions} 个位置（输入 {input} 除以 {step}，向上取整）。</translation>
    </message>
    <message>
        <source>With padding=&apos;valid&apos; the {window} must stay inside the input: moving {step} at a time it fits in {positions} positions of the {input} input.</source>
        <translation>使用 padding=&apos;valid&apos; 时，{window}必须完全落在输入之内：每次移动 {step} 格，它在 {input} 的输入中能放下 {positions} 个位置。</translation>
    </message>
    <message>
        <source> Pooling keeps the channels and learns nothing.</source>
        <translation>池化保留通道数，不学习任何东西。</translation>
    </message>
    <message>
        <source> First one {size} filter per input channel ({channels}), then {filters} 1×1 filters mix the channels: far fewer weights than a Conv2D.</source>
        <translation>先对每个输入通道（共 {channels} 个）各用一个 {size} 过滤器，再用 {filters} 个 1×1 过滤器混合各通道：权重比 Conv2D 少得多。</translation>
    </message>
    <message>
        <source> Each of the {filters} filters has {size}×{channels} weights (one per input channel) plus one bias, and makes one output channel.</source>
        <translation>每个过滤器（共 {filters} 个）有 {size}×{channels} 个权重（每个输入通道一组）加一个偏置，并生成一个输出通道。</translation>
    </message>
    <message>
        <source>Every one of the {units} units has a weight for each of the {inputs:,} inputs, plus one bias.</source>
        <translation>每个单元（共 {units} 个）对 {inputs:,} 个输入各有一个权重，另加一个偏置。</translation>
    </message>
    <message>
        <source>Lays every value out in one row, so Dense layers can read it; nothing is learned.</source>
        <translation>把所有值排成一行，让 Dense 层可以读取；不学习任何东西。</translation>
    </message>
    <message>
        <source>Summarises each channel by one number, whatever the size: the spatial layout is dropped.</source>
        <translation>不论尺寸多大，每个通道都用一个数概括：空间布局被舍弃。</translation>
    </message>
    <message>
        <source>Per channel it learns a scale γ and a shift β (trainable) and keeps a running mean and variance (not trainable).</source>
        <translation>它为每个通道学习一个缩放 γ 和一个平移 β（可训练），并保存滑动平均的均值和方差（不可训练）。</translation>
    </message>
    <message>
        <source>A lookup table: row i is the learned vector of word id i. Ids must be below the vocabulary size {vocabulary:,}.</source>
        <translation>一张查找表：第 i 行是编号为 i 的单词学到的向量。编号必须小于词汇表大小 {vocabulary:,}。</translation>
    </message>
    <message>
        <source>Only active while training; at prediction time it passes values through unchanged.</source>
        <translation>只在训练时起作用；预测时原样传递数值。</translation>
    </message>
    <message>
        <source>Scales raw values inside the model, so a saved model carries its preprocessing.</source>
        <translation>在模型内部缩放原始数值，这样保存的模型自带预处理。</translation>
    </message>
</context>
<context>
    <name>spec</name>
    <message>
        <source>This file is not a CNN Explorer design (its &apos;format&apos; field is missing or different).</source>
        <translation>这个文件不是 CNN Explorer 的设计文件（它的 &apos;format&apos; 字段缺失或不同）。</translation>
    </message>
    <message>
        <source>The design has no valid &apos;version&apos; field. It may be damaged; open another file.</source>
        <translation>设计文件没有有效的 &apos;version&apos; 字段，可能已损坏；请打开其他文件。</translation>
    </message>
    <message>
        <source>The design was saved by a newer CNN Explorer (design version {version}, this app reads up to {supported}). Update the app to open it.</source>
        <translation>这个设计由更新版本的 CNN Explorer 保存（设计版本 {version}，本应用最多读取到 {supported}）。请更新应用后再打开。</translation>
    </message>
    <message>
        <source>The design&apos;s &apos;layers&apos; must be a list of layers, not {value}.</source>
        <translation>设计的 &apos;layers&apos; 必须是一个层列表，而不是 {value}。</translation>
    </message>
    <message>
        <source>The design has {count:,} layers; the app opens designs of up to {limit} layers.</source>
        <translation>设计有 {count:,} 层；本程序最多打开 {limit} 层的设计。</translation>
    </message>
    <message>
        <source>Layer {index} of the design has no &apos;type&apos;. The file may be damaged.</source>
        <translation>设计的第 {index} 层没有 &apos;type&apos;，文件可能已损坏。</translation>
    </message>
    <message>
        <source>Layer {index} has the unknown type {type}; change or remove it in the file (known types: {known}).</source>
        <translation>第 {index} 层的类型 {type} 未知；请在文件中修改或删除它（已知类型：{known}）。</translation>
    </message>
    <message>
        <source>The design&apos;s name must be a text of 1 to {limit} characters, not {value}.</source>
        <translation>设计的名称必须是 1 到 {limit} 个字符的文本，而不是 {value}。</translation>
    </message>
    <message>
        <source>the design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>The design&apos;s input_shape must be a list of 1 to 3 whole numbers from 1 to {limit:,}, such as [28, 28, 1]; got {value}.</source>
        <translation>设计的 input_shape 必须是由 1 到 3 个取值 1 到 {limit:,} 的整数组成的列表，例如 [28, 28, 1]；实际是 {value}。</translation>
    </message>
    <message>
        <source>The design&apos;s &apos;compile&apos; must be an object such as {example}, not {value}.</source>
        <translation>设计的 &apos;compile&apos; 必须是一个对象，例如 {example}，而不是 {value}。</translation>
    </message>
    <message>
        <source>The design&apos;s compile setting {key} has the wrong kind of value: {value}.</source>
        <translation>设计的编译设置 {key} 的值类型不对：{value}。</translation>
    </message>
    <message>
        <source>Unknown compile setting {name}; the design&apos;s compile takes optimizer, learning_rate, loss and metrics.</source>
        <translation>未知的编译设置 {name}；设计的 compile 只接受 optimizer、learning_rate、loss 和 metrics。</translation>
    </message>
    <message>
        <source>the design file</source>
        <translation>设计文件</translation>
    </message>
    <message>
        <source>The tutorial&apos;s MNIST CNN (93,322 parameters)</source>
        <translation>教程中的 MNIST CNN（93,322 个参数）</translation>
    </message>
    <message>
        <source>A Dense-only network on the same digits, to compare with the CNN</source>
        <translation>只用 Dense 层、处理同样数字的网络，用来和 CNN 比较</translation>
    </message>
    <message>
        <source>SeparableConv2D network of section 7 (64x64 colour, 10 classes)</source>
        <translation>第 7 节的 SeparableConv2D 网络（64x64 彩色图像，10 个类别）</translation>
    </message>
    <message>
        <source>Conv1D text classifier of section 6 (10,000 words, length 500)</source>
        <translation>第 6 节的 Conv1D 文本分类器（10,000 个单词，长度 500）</translation>
    </message>
    <message>
        <source>Small VGG-style network for 150x150 colour image folders</source>
        <translation>用于 150x150 彩色图像文件夹的小型 VGG 风格网络</translation>
    </message>
    <message>
        <source>There is no template called {name}. Templates: {templates}.</source>
        <translation>没有名为 {name} 的模板。可用模板：{templates}。</translation>
    </message>
</context>
<context>
    <name>train</name>
    <message>
        <source>The training set ({count} examples) is too small to hold out {fraction:.0%} for validation; use a smaller validation split or 0.</source>
        <translation>训练集（{count} 个样本）太小，无法留出 {fraction:.0%} 用于验证；请使用更小的验证集比例，或设为 0。</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs} · batch {batch}/{steps}</source>
        <translation>第 {epoch}/{epochs} 轮 · 批次 {batch}/{steps}</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs} done</source>
        <translation>第 {epoch}/{epochs} 轮完成</translation>
    </message>
    <message>
        <source>Testing: batch {batch}/{steps}</source>
        <translation>正在测试：批次 {batch}/{steps}</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>{name} has no training examples; choose another dataset.</source>
        <translation>{name} 没有训练样本；请选择其他数据集。</translation>
    </message>
    <message>
        <source>Stopped: the loss became NaN.</source>
        <translation>已停止：损失变成了 NaN。</translation>
    </message>
    <message>
        <source>Stopped after {epochs} epoch(s).</source>
        <translation>已在 {epochs} 轮后停止。</translation>
    </message>
    <message>
        <source>Test accuracy {accuracy:.1%}, test loss {loss:.4f}.</source>
        <translation>测试精度 {accuracy:.1%}，测试损失 {loss:.4f}。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
</context>
<context>
    <name>training_run</name>
    <message>
        <source>Building {name}…</source>
        <translation>正在构建 {name}…</translation>
    </message>
</context>
<context>
    <name>transfer</name>
    <message>
        <source>{title} with its ImageNet classifier (include_top) only takes {size}×{size} images, not {got}×{got}: use input size {size}, or leave the classifier out and add your own head.</source>
        <translation>带 ImageNet 分类器（include_top）的 {title} 只接受 {size}×{size} 的图像，不接受 {got}×{got}：请使用输入尺寸 {size}，或不要该分类器、加上你自己的分类头。</translation>
    </message>
    <message>
        <source>{title} needs images of at least {size}×{size} pixels (got {got}×{got}): choose an input size of {size} or more.</source>
        <translation>{title} 需要至少 {size}×{size} 像素的图像（当前为 {got}×{got}）：请选择 {size} 或更大的输入尺寸。</translation>
    </message>
    <message>
        <source>An input size of {size} is too large for this app: choose 1024 or less.</source>
        <translation>输入尺寸 {size} 对本程序来说太大：请选择 1024 或更小。</translation>
    </message>
    <message>
        <source>There is no pretrained network called {name}: choose one of {names}.</source>
        <translation>没有名为 {name} 的预训练网络：请从 {names} 中选择一个。</translation>
    </message>
    <message>
        <source>weights from {name}</source>
        <translation>来自 {name} 的权重</translation>
    </message>
    <message>
        <source>{title} has no ImageNet weights bundled with the app: choose ImageNet (download) or another network.</source>
        <translation>{title} 没有随软件附带的 ImageNet 权重：请选择 ImageNet（下载）或换一个网络。</translation>
    </message>
    <message>
        <source>The bundled weights file {path} is damaged (its checksum does not match): reinstall CNN Explorer.</source>
        <translation>附带的权重文件 {path} 已损坏（校验和不符）：请重新安装 CNN Explorer。</translation>
    </message>
    <message>
        <source>its checksum is not the one Keras publishes for it ({size}: partial or damaged)</source>
        <translation>它的校验和与 Keras 公布的不一致（{size}：不完整或已损坏）</translation>
    </message>
    <message>
        <source>it holds no weights</source>
        <translation>其中没有权重</translation>
    </message>
    <message>
        <source>it cannot be read completely ({reason})</source>
        <translation>无法完整读取（{reason}）</translation>
    </message>
    <message>
        <source>The ImageNet weights for {title} could not be downloaded ({reason}). Without a network, choose a local weights file (copy {file} from another computer&apos;s {folder}) or use random weights.</source>
        <translation>无法下载 {title} 的 ImageNet 权重（{reason}）。没有网络时，请选择本地权重文件（从另一台电脑的 {folder} 复制 {file}），或使用随机权重。</translation>
    </message>
    <message>
        <source>Checking the cached weights {name}…</source>
        <translation>正在检查已缓存的权重 {name}…</translation>
    </message>
    <message>
        <source>The cached file {path} was not used: {problem}.</source>
        <translation>未使用缓存文件 {path}：{problem}。</translation>
    </message>
    <message>
        <source>Fetching it again.</source>
        <translation>正在重新获取。</translation>
    </message>
    <message>
        <source>The downloaded weights for {title} were not used: {problem}. Try again later, or use a local weights file.</source>
        <translation>下载的 {title} 权重未被使用：{problem}。请稍后再试，或使用本地权重文件。</translation>
    </message>
    <message>
        <source>Downloading ImageNet weights for {title}…</source>
        <translation>正在下载 {title} 的 ImageNet 权重…</translation>
    </message>
    <message>
        <source>Downloading {title} weights: {done} of {total}</source>
        <translation>正在下载 {title} 权重：{done} / {total}</translation>
    </message>
    <message>
        <source>Downloading {title} weights: {done}</source>
        <translation>正在下载 {title} 权重：{done}</translation>
    </message>
    <message>
        <source>received {done} of {total} bytes</source>
        <translation>只收到 {done} / {total} 字节</translation>
    </message>
    <message>
        <source>The weights file {path} does not exist: choose another file, or use random weights.</source>
        <translation>权重文件 {path} 不存在：请选择其他文件，或使用随机权重。</translation>
    </message>
    <message>
        <source>Building {title} ({size}×{size})…</source>
        <translation>正在构建 {title}（{size}×{size}）…</translation>
    </message>
    <message>
        <source>Loading weights from {name}…</source>
        <translation>正在从 {name} 加载权重…</translation>
    </message>
    <message>
        <source>Loading the bundled ImageNet weights…</source>
        <translation>正在加载随软件附带的 ImageNet 权重…</translation>
    </message>
    <message>
        <source>Loading ImageNet weights…</source>
        <translation>正在加载 ImageNet 权重…</translation>
    </message>
    <message>
        <source>{name} does not hold weights of {title} without its classifier ({reason}): choose the file saved for this network, or use random weights.</source>
        <translation>{name} 中不是 {title}（不含分类器）的权重（{reason}）：请选择为这个网络保存的文件，或使用随机权重。</translation>
    </message>
    <message>
        <source>{name} holds no weights for {title}: choose the file saved for this network, or use random weights.</source>
        <translation>{name} 中没有 {title} 的权重：请选择为这个网络保存的文件，或使用随机权重。</translation>
    </message>
    <message>
        <source>The base has no layer called {name}: choose one of its layers, e.g. {names}.</source>
        <translation>基网络中没有名为 {name} 的层：请选择它的某一层，例如 {names}。</translation>
    </message>
    <message>
        <source>A classifier needs at least two classes: add a second sub-folder of images.</source>
        <translation>分类器至少需要两个类别：请再添加一个图像子文件夹。</translation>
    </message>
    <message>
        <source>There is no head called {name}: choose one of {names}.</source>
        <translation>没有名为 {name} 的分类头：请从 {names} 中选择一个。</translation>
    </message>
    <message>
        <source>The batch size must be at least 1 (got {size}).</source>
        <translation>批次大小至少为 1（当前为 {size}）。</translation>
    </message>
    <message>
        <source>The dataset has only {count} training images, fewer than the batch size {size}: lower the batch size to {most} or less, or add images.</source>
        <translation>数据集只有 {count} 张训练图像，少于批次大小 {size}：请把批次大小降到 {most} 或更小，或添加图像。</translation>
    </message>
    <message>
        <source>The training images are all of one class: a classifier needs at least two classes.</source>
        <translation>训练图像全都属于同一个类别：分类器至少需要两个类别。</translation>
    </message>
    <message>
        <source>Pretrained networks need colour images (height × width × 3): load the folder as RGB.</source>
        <translation>预训练网络需要彩色图像（高 × 宽 × 3）：请以 RGB 方式加载该文件夹。</translation>
    </message>
    <message>
        <source>Extracting features</source>
        <translation>正在提取特征</translation>
    </message>
    <message>
        <source>{task}: batch {batch}/{steps}</source>
        <translation>{task}：批次 {batch}/{steps}</translation>
    </message>
    <message>
        <source>Running the base over the training images</source>
        <translation>正在用基网络处理训练图像</translation>
    </message>
    <message>
        <source>Running the base over the validation images</source>
        <translation>正在用基网络处理验证图像</translation>
    </message>
    <message>
        <source>Running the base over the test images</source>
        <translation>正在用基网络处理测试图像</translation>
    </message>
    <message>
        <source>feature extraction</source>
        <translation>特征提取</translation>
    </message>
    <message>
        <source>end to end</source>
        <translation>端到端</translation>
    </message>
    <message>
        <source>fine-tuned</source>
        <translation>微调</translation>
    </message>
    <message>
        <source>{title} + head ({method})</source>
        <translation>{title} + 分类头（{method}）</translation>
    </message>
    <message>
        <source>Choose an image folder first (one sub-folder of images per class).</source>
        <translation>请先选择图像文件夹（每个类别一个子文件夹）。</translation>
    </message>
    <message>
        <source>Train a head first (method 1 or 2): fine-tuning continues from a trained classifier.</source>
        <translation>请先训练分类头（方法 1 或 2）：微调要在训练好的分类器基础上继续。</translation>
    </message>
    <message>
        <source>Nothing would be fine-tuned: every layer is frozen. Move the &apos;Fine-tune from&apos; slider (or click &apos;Unfreeze top block&apos;) first.</source>
        <translation>没有可微调的层：所有层都已冻结。请先拖动“微调起点”滑块（或点击“解冻最上面的块”）。</translation>
    </message>
</context>
<context>
    <name>units</name>
    <message>
        <source>{count} bytes</source>
        <translation>{count} 字节</translation>
    </message>
</context>
<context>
    <name>viz_analysis</name>
    <message>
        <source>{title} has sequences, not images: choose a photo or a file.</source>
        <translation>{title} 是序列数据，没有图像：请选择一张照片或一个文件。</translation>
    </message>
    <message>
        <source>No dataset chosen yet, so the digits come from the bundled MNIST sample.</source>
        <translation>还没有选择数据集，所以数字取自自带的 MNIST 样本。</translation>
    </message>
    <message>
        <source>{title} is not downloaded yet, so the digits come from the bundled MNIST sample.</source>
        <translation>{title} 还没有下载，所以数字取自自带的 MNIST 样本。</translation>
    </message>
    <message>
        <source>{reason} The digits come from the bundled MNIST sample instead.</source>
        <translation>{reason} 因此改用自带 MNIST 样本中的数字。</translation>
    </message>
    <message>
        <source>A {h}×{w} map: the heatmap is stretched from {h}×{w} cells to the image.</source>
        <translation>这是 {h}×{w} 的图：热力图由 {h}×{w} 个格子拉伸到整张图像。</translation>
    </message>
    <message>
        <source>A {h}×{w} map: each cell covers ~{cell_h}×{cell_w} pixels of the {in_h}×{in_w} input.</source>
        <translation>这是 {h}×{w} 的图：每个格子覆盖 {in_h}×{in_w} 输入中约 {cell_h}×{cell_w} 个像素。</translation>
    </message>
    <message>
        <source>Try {layer} for a finer map ({h}×{w}).</source>
        <translation>想要更精细的图，可以试试 {layer}（{h}×{w}）。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{first}, …, {last}</source>
        <translation>{first}、…、{last}</translation>
    </message>
    <message>
        <source>This model was trained on grey images and can only answer with its own classes ({classes}); this is a colour photo, so its answer about it means little.</source>
        <translation>这个模型是用灰度图像训练的，只能用它自己的类别（{classes}）来回答；这是一张彩色照片，所以它对这张照片的回答没有多大意义。</translation>
    </message>
</context>
<context>
    <name>viz_demo</name>
    <message>
        <source>Training a quick MNIST model…</source>
        <translation>正在训练一个快速 MNIST 模型…</translation>
    </message>
</context>
<context>
    <name>viz_inputs</name>
    <message>
        <source>Caffe-style preprocessing (VGG16, ResNet50) needs colour images; choose another scaling.</source>
        <translation>Caffe 风格的预处理（VGG16、ResNet50）需要彩色图像；请选择其他缩放方式。</translation>
    </message>
    <message>
        <source>RGB-&gt;BGR minus the ImageNet mean (caffe)</source>
        <translation>RGB-&gt;BGR 并减去 ImageNet 均值（caffe）</translation>
    </message>
    <message>
        <source>{name} is a keras.applications model without preprocessing inside: using its own ({what})</source>
        <translation>{name} 是内部不含预处理的 keras.applications 模型：使用它自己的预处理（{what}）</translation>
    </message>
    <message>
        <source>the model starts with a Rescaling or preprocessing layer, so it takes raw pixels 0-255</source>
        <translation>模型以 Rescaling 或预处理层开头，所以它接收 0-255 的原始像素</translation>
    </message>
    <message>
        <source>models made in CNN Explorer take raw pixels 0-255 and scale inside</source>
        <translation>CNN Explorer 中制作的模型接收 0-255 的原始像素，并在模型内部缩放</translation>
    </message>
    <message>
        <source>the model has no Rescaling layer at its start, so it probably expects pixels scaled to 0-1; if its predictions look wrong, try 0-255</source>
        <translation>模型开头没有 Rescaling 层，所以它很可能需要缩放到 0-1 的像素；如果预测看起来不对，请试试 0-255</translation>
    </message>
    <message>
        <source>An image of shape {shape} cannot be shown; use a grayscale or colour picture.</source>
        <translation>无法显示形状为 {shape} 的图像；请使用灰度或彩色图片。</translation>
    </message>
    <message>
        <source>The image is only {width}×{height} pixels, too small to show anything; choose one at least {side}×{side}.</source>
        <translation>这张图像只有 {width}×{height} 像素，太小，看不出任何内容；请选择至少 {side}×{side} 的图像。</translation>
    </message>
    <message>
        <source>The image is {width}×{height} pixels ({megapixels:.0f} megapixels), too large to process; shrink it to {limit:.0f} megapixels or less first.</source>
        <translation>这张图像有 {width}×{height} 像素（{megapixels:.0f} 百万像素），太大，无法处理；请先把它缩小到 {limit:.0f} 百万像素以下。</translation>
    </message>
    <message>
        <source>Input scaling must be one of {choices}, not {scaling!r}.</source>
        <translation>输入缩放方式必须是 {choices} 之一，而不是 {scaling!r}。</translation>
    </message>
    <message>
        <source>converted the colour image to grayscale for this grayscale model</source>
        <translation>已把彩色图像转换为灰度，以适应这个灰度模型</translation>
    </message>
    <message>
        <source>repeated the grayscale image into 3 channels for this colour model</source>
        <translation>已把灰度图像复制成 3 个通道，以适应这个彩色模型</translation>
    </message>
    <message>
        <source>resized {image_width}×{image_height} to the model&apos;s {width}×{height}</source>
        <translation>已把 {image_width}×{image_height} 缩放为模型的 {width}×{height}</translation>
    </message>
    <message>
        <source>class {index}</source>
        <translation>类别 {index}</translation>
    </message>
</context>
</TS>
